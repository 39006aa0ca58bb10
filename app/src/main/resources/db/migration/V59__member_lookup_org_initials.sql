-- A count of a search by initials in a county: its ~2,700 organizations' ids in an array, each looked up with the
-- initials in one index (one descent per organization, PostgreSQL 17 walking the sorted ids leaf by leaf), about
-- 3 ms for any prefix — where walking the initials' index and testing each entry against the county's organizations
-- read every entry of a common two-letter prefix (85,000 at 5 M members, 20 ms). The organization's own lookups
-- (a branch's members) are served by the same index, which replaces the one on the organization alone.
create index member_lookup_org_initials on member_lookup (org_id, name_initials);
drop index member_lookup_org;
alter index member_lookup_org_initials rename to member_lookup_org;
