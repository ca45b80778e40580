-- \prompt in a script: its text to stdout, the answer the next line of standard input; \w writes what \p
-- shows (the buffer, else the previous query) to a file or a |command; \copyright
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
\copyright
\copyright extra
\prompt 'at the end: ' last
\echo [:last]
