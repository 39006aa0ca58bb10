-- The 账单 list of a subtree with a status other than 未交 (已交, 免交, 已作废): early in a month these are few among a
-- province's millions of bills, and the list walked every organization of the subtree to find them (about 0.9 s at
-- 5 M members). Bills are made OPEN, so an index of the others costs a bill run nothing; a payment or a waiver that
-- settles a bill adds its entry. It also serves the run's check for VOID bills, whose own index it replaces.
drop index if exists dues_bill_void;
create index dues_bill_settled on dues_bill (month, status, org_id) include (member_id) where status <> 'OPEN';
