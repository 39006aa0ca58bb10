-- Searches first find the page's ids by an index-only scan (path, name and order columns all in the index, so
-- rows outside the subtree are skipped without visiting the table), then read just those rows.
drop index member_pinyin;
create index member_pinyin on member (name_pinyin, id) include (org_path, name);
