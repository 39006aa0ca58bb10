-- Lists are paged by keyset in index order. A subtree list is either read along its path range (small subtrees)
-- or along the name order, filtered by path (large subtrees); the planner picks by the path statistics, so both
-- orders need an index that also carries the path.
drop index member_initials;
create index member_initials on member (name_initials, name_pinyin, id) include (org_path);
create index member_pinyin on member (name_pinyin, id) include (org_path);
