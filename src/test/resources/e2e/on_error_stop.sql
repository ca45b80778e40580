select 1 as before;
select 1/0;
select 2 as never_reached;
