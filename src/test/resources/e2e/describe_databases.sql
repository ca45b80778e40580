-- pg_database as the server's version has it: psql 15 on a 15, psql 17 on a 17 (whose catalog psql 15 cannot read).
\l template1
\l+ template1
\l template*
\l nosuch_database
