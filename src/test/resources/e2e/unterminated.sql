select 1 as fine;
select 'this quote
never ends;
