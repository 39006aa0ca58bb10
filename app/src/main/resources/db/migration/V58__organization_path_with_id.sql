-- The organizations of a subtree by their path, with their ids in the index: the searches of member_lookup (V57) and
-- the other "org_id in (organizations of this subtree)" readings collect a county's or a city's ids from the index
-- alone instead of visiting each organization's row (a city's 25,000 ids: 8.8 ms from the rows, about 4 from the
-- index).
--
-- Not unique any more: a path is its parent's path and its own id, unique by construction. As a unique index it made
-- the path a key column, so a move's rewrite of the subtree's paths took FOR UPDATE locks on their rows — which
-- conflict with the KEY SHARE locks that foreign-key checks take (a roll-up fold inserting rows for those
-- organizations), and a fold holding one while waiting for a row the move had already rewritten deadlocked with it
-- (the move locks the subtree NO KEY UPDATE first precisely to let those checks through). The rewrite now takes NO
-- KEY UPDATE locks like every other change of an organization.
create index organization_path_with_id on organization (path) include (id);
drop index organization_path;
alter index organization_path_with_id rename to organization_path;
