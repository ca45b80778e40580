select 2 as from_deeper;
\echo in deeper :USER
