-- psql 15's output formats and \pset, compared byte for byte with psql (PsqlParityIT).
-- Parts marked so are from PostgreSQL 15's src/test/regress/sql/psql.sql (PostgreSQL License).

-- from psql.sql: the \pset listing, multi-line headers, wrapping and newline markers
-- show all pset options
\pset

-- test multi-line headers, wrapping, and newline indicators
-- in aligned, unaligned, and wrapped formats
prepare q as select array_to_string(array_agg(repeat('x',2*n)),E'\n') as "ab

c", array_to_string(array_agg(repeat('y',20-2*n)),E'\n') as "a
bc" from generate_series(1,10) as n(n) group by n>1 order by n>1;

\pset linestyle ascii

\pset expanded off
\pset columns 40

\pset border 0
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset border 1
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset border 2
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset expanded on
\pset columns 20

\pset border 0
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset border 1
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset border 2
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset linestyle old-ascii

\pset expanded off
\pset columns 40

\pset border 0
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset border 1
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset border 2
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset expanded on
\pset columns 20

\pset border 0
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset border 1
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset border 2
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

deallocate q;

-- test single-line header and data
prepare q as select repeat('x',2*n) as "0123456789abcdef", repeat('y',20-2*n) as "0123456789" from generate_series(1,10) as n;

\pset linestyle ascii

\pset expanded off
\pset columns 40

\pset border 0
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset border 1
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset border 2
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset expanded on
\pset columns 30

\pset border 0
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset border 1
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset border 2
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset expanded on
\pset columns 20

\pset border 0
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset border 1
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset border 2
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset linestyle old-ascii

\pset expanded off
\pset columns 40

\pset border 0
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset border 1
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset border 2
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset expanded on

\pset border 0
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset border 1
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

\pset border 2
\pset format unaligned
execute q;
\pset format aligned
execute q;
\pset format wrapped
execute q;

-- from psql.sql: numericlocale and the markup formats (its \d and \df lines left out)
\pset format aligned
\pset expanded off
\pset numericlocale true

select n, -n as m, n * 111 as x, '1e90'::float8 as f
from generate_series(0,3) n;

\pset numericlocale false

-- test asciidoc output format

\pset format asciidoc

\pset border 1
\pset expanded off
\pset tuples_only true
\pset tuples_only false
\pset expanded on
\pset tuples_only true
\pset tuples_only false

prepare q as
  select 'some|text' as "a|title", '        ' as "empty ", n as int
  from generate_series(1,2) as n;

\pset expanded off
\pset border 0
execute q;

\pset border 1
execute q;

\pset border 2
execute q;

\pset expanded on
\pset border 0
execute q;

\pset border 1
execute q;

\pset border 2
execute q;

deallocate q;

-- test csv output format

\pset format csv

\pset border 1
\pset expanded off
\pset tuples_only true
\pset tuples_only false
\pset expanded on
\pset tuples_only true
\pset tuples_only false

prepare q as
  select 'some"text' as "a""title", E'  <foo>\n<bar>' as "junk",
         '   ' as "empty", n as int
  from generate_series(1,2) as n;

\pset expanded off
execute q;

\pset expanded on
execute q;

deallocate q;

-- special cases
\pset expanded off
select 'comma,comma' as comma, 'semi;semi' as semi;
\pset csv_fieldsep ';'
select 'comma,comma' as comma, 'semi;semi' as semi;
select '\.' as data;
\pset csv_fieldsep '.'
select '\' as d1, '' as d2;

-- illegal csv separators
\pset csv_fieldsep ''
\pset csv_fieldsep '\0'
\pset csv_fieldsep '\n'
\pset csv_fieldsep '\r'
\pset csv_fieldsep '"'
\pset csv_fieldsep ',,'

\pset csv_fieldsep ','

-- test html output format

\pset format html

\pset border 1
\pset expanded off
\pset tuples_only true
\pset tuples_only false
\pset expanded on
\pset tuples_only true
\pset tuples_only false

prepare q as
  select 'some"text' as "a&title", E'  <foo>\n<bar>' as "junk",
         '   ' as "empty", n as int
  from generate_series(1,2) as n;

\pset expanded off
\pset border 0
execute q;

\pset border 1
execute q;

\pset tableattr foobar
execute q;
\pset tableattr

\pset expanded on
\pset border 0
execute q;

\pset border 1
execute q;

\pset tableattr foobar
execute q;
\pset tableattr

deallocate q;

-- test latex output format

\pset format latex

\pset border 1
\pset expanded off
\pset tuples_only true
\pset tuples_only false
\pset expanded on
\pset tuples_only true
\pset tuples_only false

prepare q as
  select 'some\more_text' as "a$title", E'  #<foo>%&^~|\n{bar}' as "junk",
         '   ' as "empty", n as int
  from generate_series(1,2) as n;

\pset expanded off
\pset border 0
execute q;

\pset border 1
execute q;

\pset border 2
execute q;

\pset border 3
execute q;

\pset expanded on
\pset border 0
execute q;

\pset border 1
execute q;

\pset border 2
execute q;

\pset border 3
execute q;

deallocate q;

-- test latex-longtable output format

\pset format latex-longtable

\pset border 1
\pset expanded off
\pset tuples_only true
\pset tuples_only false
\pset expanded on
\pset tuples_only true
\pset tuples_only false

prepare q as
  select 'some\more_text' as "a$title", E'  #<foo>%&^~|\n{bar}' as "junk",
         '   ' as "empty", n as int
  from generate_series(1,2) as n;

\pset expanded off
\pset border 0
execute q;

\pset border 1
execute q;

\pset border 2
execute q;

\pset border 3
execute q;

\pset tableattr lr
execute q;
\pset tableattr

\pset expanded on
\pset border 0
execute q;

\pset border 1
execute q;

\pset border 2
execute q;

\pset border 3
execute q;

\pset tableattr lr
execute q;
\pset tableattr

deallocate q;

-- test troff-ms output format

\pset format troff-ms

\pset border 1
\pset expanded off
\pset tuples_only true
\pset tuples_only false
\pset expanded on
\pset tuples_only true
\pset tuples_only false

prepare q as
  select 'some\text' as "a\title", E'  <foo>\n<bar>' as "junk",
         '   ' as "empty", n as int
  from generate_series(1,2) as n;

\pset expanded off
\pset border 0
execute q;

\pset border 1
execute q;

\pset border 2
execute q;

\pset expanded on
\pset border 0
execute q;

\pset border 1
execute q;

\pset border 2
execute q;

deallocate q;

-- check ambiguous format requests

\pset format a
\pset format l


-- every format, expanded or not, in every border and line style, on NULLs, newlines, wide characters,
-- markup characters and numbers; title, tuples only, footer, numericlocale, target widths
\pset format aligned
\pset expanded off
\pset border 1
\pset null '(null)'
create temp table t (id int, name text, price numeric, note text, f float8);
insert into t values (1, 'plain', 1234567.891, null, 1e20),
 (22, E'two\nlines', -42, 'a|b & <c> "q" _x_ {y} ~z^ #$% \\back', null),
 (333, '日本語テキスト', null, E'tab\there\r', -0.5),
 (null, '  leading', 0, '', 3),
 (5, 'x', 99999, E'a very long value that will have to wrap around when the target width is small enough to need it', 1.5);
prepare q as select * from t order by id nulls last;
prepare e as select * from t where false;

\pset format aligned
\pset linestyle ascii
\pset expanded off
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset columns 20
execute q;
\pset columns 40
execute q;
\pset columns 60
execute q;
\pset columns 0
\pset expanded on
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset columns 20
execute q;
\pset columns 40
execute q;
\pset columns 60
execute q;
\pset columns 0
\pset linestyle old-ascii
\pset expanded off
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset columns 20
execute q;
\pset columns 40
execute q;
\pset columns 60
execute q;
\pset columns 0
\pset expanded on
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset columns 20
execute q;
\pset columns 40
execute q;
\pset columns 60
execute q;
\pset columns 0
\pset linestyle unicode
\pset expanded off
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset columns 20
execute q;
\pset columns 40
execute q;
\pset columns 60
execute q;
\pset columns 0
\pset expanded on
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset columns 20
execute q;
\pset columns 40
execute q;
\pset columns 60
execute q;
\pset columns 0
\pset format wrapped
\pset linestyle ascii
\pset expanded off
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset columns 20
execute q;
\pset columns 40
execute q;
\pset columns 60
execute q;
\pset columns 0
\pset expanded on
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset columns 20
execute q;
\pset columns 40
execute q;
\pset columns 60
execute q;
\pset columns 0
\pset linestyle old-ascii
\pset expanded off
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset columns 20
execute q;
\pset columns 40
execute q;
\pset columns 60
execute q;
\pset columns 0
\pset expanded on
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset columns 20
execute q;
\pset columns 40
execute q;
\pset columns 60
execute q;
\pset columns 0
\pset linestyle unicode
\pset expanded off
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset columns 20
execute q;
\pset columns 40
execute q;
\pset columns 60
execute q;
\pset columns 0
\pset expanded on
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset columns 20
execute q;
\pset columns 40
execute q;
\pset columns 60
execute q;
\pset columns 0
\pset format unaligned
\pset linestyle ascii
\pset expanded off
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset expanded on
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset format csv
\pset linestyle ascii
\pset expanded off
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset expanded on
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset format html
\pset linestyle ascii
\pset expanded off
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset expanded on
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset tableattr 'class="x"'
execute q;
\pset tableattr
\pset format asciidoc
\pset linestyle ascii
\pset expanded off
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset expanded on
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset format latex
\pset linestyle ascii
\pset expanded off
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 3
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset expanded on
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 3
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset format latex-longtable
\pset linestyle ascii
\pset expanded off
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 3
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset expanded on
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 3
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset tableattr '0.2 0.3'
execute q;
\pset title 'T'
\pset border 0
execute q;
\pset border 2
execute q;
\pset border 3
execute q;
\pset title
\pset tableattr
\pset format troff-ms
\pset linestyle ascii
\pset expanded off
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset expanded on
\pset border 0
execute q;
execute e;
\pset border 1
execute q;
execute e;
\pset border 2
execute q;
execute e;
\pset border 1
\pset title 'My <Title> & co'
execute q;
\pset title
\pset tuples_only on
execute q;
\pset tuples_only off
\pset footer off
execute q;
\pset footer on
\pset numericlocale on
execute q;
\pset numericlocale off
\pset format aligned
\pset linestyle unicode
\pset unicode_border_linestyle double
\pset unicode_header_linestyle double
\pset border 2
execute q;
\pset unicode_column_linestyle double
execute q;
\x on
execute q;
\x off
\pset expanded auto
\pset columns 50
execute q;
\pset format wrapped
execute q;
\pset columns 200
execute q;
\pset format unaligned
\pset fieldsep_zero
\pset recordsep_zero
execute q;
\x on
execute q;

-- \pset's messages and errors
\pset format aligned
\pset expanded off
\pset border 1
\pset tuples_only off
\pset columns 0
\pset
\pset format a
\pset format l
\pset format wrapped
\pset format latex-l
\pset format j
\pset format json
\pset format x
\pset format ''
\pset linestyle u
\pset linestyle bogus
\pset unicode_border_linestyle d
\pset unicode_column_linestyle s
\pset unicode_header_linestyle double
\pset unicode_header_linestyle zz
\pset border 3
\pset border -1
\pset border
\pset columns 40
\pset tableattr foo
\pset tableattr
\T bar
\T
\pset numericlocale
\pset numericlocale on
\pset title hi
\pset title
\pset footer
\pset footer off
\pset recordsep_zero
\pset fieldsep_zero
\pset
\set foo bar
\pset fieldsep | `nosuchcommand` :foo :'foo' :"foo"
\pset recordsep '\t'
\pset null '(null)'
\pset pager_min_lines 5
\pset pager_min_lines 1
\pset expanded bogus
\pset pager bogus
\pset tuples_only bogus
\H
\H
\html
\pset x
\pset vertical
\pset t
\pset C tt
\pset T tt
\pset
\pset arg1 arg2
\x
\t
\f
\f ;
\C
\C ttl
\a
\a extra
\pset csv_fieldsep ''
\pset csv_fieldsep '"'
\pset csv_fieldsep ',,'
\pset csv_fieldsep '\0'
\pset footer bogus
\pset numericlocale bogus
\pset columns
\pset columns 0
\pset pager
\pset pager always
\pset pager
\pset null a b c
\x on off

-- expanded values narrower than the record header, with newlines, aligned and wrapped
\pset format aligned
\pset columns 0
\pset tuples_only off
\pset border 1
\x on
select E'aaa\nb' as x, 1 as y, E'c\nd\ne' as z;
\pset border 2
select E'aaa\nb' as x, 1 as y, E'c\nd\ne' as z;
select 1 as x;
\pset format wrapped
select E'aaa\nb' as x, 1 as y, E'c\nd\ne' as z;
\pset border 1
select E'aaa\nb' as x, 1 as y, E'c\nd\ne' as z;
\pset columns 20
select 1 as x;
\pset linestyle old-ascii
select E'aaa\nb' as x, 1 as y, E'c\nd\ne' as z;
\x off
