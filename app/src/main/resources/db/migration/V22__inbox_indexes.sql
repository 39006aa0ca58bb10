-- The inbox (首页 / 我的待办) reads each module's most urgent items with a bound; at a province (5 M members) these
-- two reads need an index in their own order, or they scan the subtree.

-- D11 probation over, most overdue first: over a large subtree the first rows in joined_on order are read (the
-- subtree index member_probation serves small subtrees). Partial, so only 预备党员 (~7 %) are indexed: about a second
-- to build at 5 M members, measured.
create index if not exists member_probation_due on member (joined_on, id) include (org_path) where status = 'PROBATIONARY';

-- D8 cases waiting for the higher committee's 预审 (their next step is 13), per subtree.
create index if not exists admission_case_pre_review on admission_case (org_path, id)
    where next_step = 13 and stage not in ('CLOSED', 'FULL');
