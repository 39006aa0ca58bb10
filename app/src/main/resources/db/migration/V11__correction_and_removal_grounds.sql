-- R6: 限期改正 carries its deadline (at most a year); 除名 of a member in the registry states its ground.
alter table member_status_event add column deadline date, add column ground text;
