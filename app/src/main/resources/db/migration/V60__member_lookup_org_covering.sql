-- A county's first page by initials looked up organization by organization, like its count (V59): with each entry's
-- pinyin and id in the index the page is read from the index alone. Measured by hand at 20 M members, where a county
-- holds a quarter of the share of the province it holds at 5 M: 8.5–12 ms with the pages cold (about 200–280 index
-- pages, read in the order of the county's organizations) against 15–40 ms for the walk of the province's initials
-- index with the county's organizations hashed (about 100 pages read at random); warm 3.7–8.6 against 6–12 ms.
-- The count by initials and a branch's own lookups read the same index as before.
create index member_lookup_org_covering on member_lookup (org_id, name_initials) include (name_pinyin, id);
drop index member_lookup_org;
alter index member_lookup_org_covering rename to member_lookup_org;
