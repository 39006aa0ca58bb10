-- The meeting list of a city or a county, newest first (MeetingRecords.list), walks the province's meetings backwards
-- by day until a page of its subtree's turns up; the subtree's own range (life_meeting_subtree) would have to read and
-- sort all of them. With the path beside the index entries that walk tests the subtree on the entries alone instead
-- of reading each meeting: at 5 M members a county's first page walked 17,700 meetings, 17–24 ms warm and 96 ms with
-- cold caches, and takes 5 ms on the index alone (the same holds with a month; as V54 did for the inbox's records).
drop index if exists life_meeting_by_day;
create index life_meeting_by_day on life_meeting (held_on, starts_at, id) include (org_path);
