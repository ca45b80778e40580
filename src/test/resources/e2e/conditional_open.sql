-- Included by conditionals.sql: a block left open at the end of a file is that file's error.
\if true
\echo inside the included block
