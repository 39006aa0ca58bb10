-- The inbox of a large subtree (a province's 组织管理员) lists the oldest meetings still to record or confirm first.
-- The path indexes of V26/V28 find a subtree's rows but then sort them all (85 ms for the 125,000 HELD meetings of a
-- generated province); these walk the rows in the order shown and stop at the page's end (0.1 ms). A small subtree
-- still uses the path index: the planner chooses by the estimate of the range.
create index if not exists life_meeting_unconfirmed_by_day on life_meeting (held_on, id) where status = 'HELD';
create index if not exists life_meeting_planned_by_end on life_meeting (ends_at, id) where status = 'PLANNED';
-- The same for the meeting list of a large subtree, newest first.
create index if not exists life_meeting_by_day on life_meeting (held_on, starts_at, id);
