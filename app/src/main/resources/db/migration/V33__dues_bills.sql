-- Bills of a month find the months members prepaid (DUES.md: a bill made later for a prepaid month is made PAID at
-- once) by month, for a whole subtree in one hash join: V32's index on (member_id, month) serves one member.
create index dues_allocation_month on dues_allocation (month, member_id);
