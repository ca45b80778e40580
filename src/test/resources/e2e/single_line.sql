-- SINGLELINE on (-v SINGLELINE=on, -S): a line end sends a statement with nothing open, as a semicolon
select 1 as one
select 'a
b' as spans_lines
select (1
+ 2) as in_parens
select 3 as tail -- a comment after it
-- a comment alone sends nothing
select 4 as four; select 5 as five
select $$x
y$$ as dollar
/* a block comment
*/ select 6 as after_comment
select 7 as sent_by_g \g
create function single_line_f() returns int language sql
begin atomic select 1;
end
\set SINGLELINE off
select 8
as joined;
select 9 as unterminated
