-- \prompt in a script: its text to stdout, the answer the next line of standard input; \w writes what \p
-- shows (the buffer, else the previous query) to a file or a |command. (\copyright is a deliberate difference:
\prompt 'Your name: ' who
\echo [:who]
\prompt answer
\echo [:answer]
\prompt
\prompt 'text' 'bad name'
select 1 as one
\w w1.txt
;
\w w2.txt
\w |cat
\w |cat - w1.txt
\w
\w nosuchdir/x.txt
\! cat w1.txt w2.txt
-- shardprep names PostgreSQL's licence and where it is; psql prints the text,
-- which shardprep does not carry. See README's deliberate differences.)
\prompt 'at the end: ' last
\echo [:last]
