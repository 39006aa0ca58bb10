package cn.zhibu.life.internal;

import cn.zhibu.life.Meeting;
import cn.zhibu.life.MeetingFacts;
import cn.zhibu.life.MeetingFilter;
import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.MeetingStatus;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code life_meeting} and {@code life_meeting_kind} tables. Lists take the caller's scope and turn it into path
 * ranges (managed subtrees) or, for a member, their own invitations; reads by id return the row and leave the scope
 * decision to the service. Times are stored as instants and read as local times of {@link #ZONE}.
 */
@Repository
public class MeetingRecords {

    /** The zone meeting times are entered and shown in, and {@code held_on} is the day of: the server's. */
    public static final ZoneId ZONE = ZoneId.systemDefault();
    /** Lists count this many rows at most (beyond, "10000+"): a count of a province's meetings is not worth its time. */
    public static final int COUNT_CAP = 10_000;
    /** A list over at most this many organizations counts a kind's meetings one by one (see {@link #count}). */
    public static final long FEW_ORGANIZATIONS = 10_000;

    private static final String SELECT = """
            select m.*, o.name as org_name,
                   array(select k.kind from life_meeting_kind k where k.meeting_id = m.id) as kinds,
                   c.invited, c.confirmed, c.leave_requested, c.on_leave, c.attended
            from life_meeting m join organization o on o.id = m.org_id
            left join lateral (select count(*) as invited,
                                      count(*) filter (where i.response = 'CONFIRMED') as confirmed,
                                      count(*) filter (where i.leave_status = 'REQUESTED') as leave_requested,
                                      count(*) filter (where i.leave_status = 'APPROVED') as on_leave,
                                      count(*) filter (where i.checked_in_at is not null) as attended
                               from life_invitee i where i.meeting_id = m.id) c on true""";

    private final JdbcClient jdbc;

    MeetingRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The columns a meeting is written with (the organization's are fixed at scheduling). */
    public record Row(String title, LocalDateTime startsAt, LocalDateTime endsAt, String place, String onlineLink,
                      String agenda, Long speakerMemberId, String speakerName) {
    }

    public long insert(long orgId, TreePath orgPath, long rootId, Row row, Set<MeetingKind> kinds, String by) {
        long id = jdbc.sql("""
                        insert into life_meeting (org_id, org_path, root_id, title, starts_at, ends_at, held_on, place,
                                                  online_link, agenda, speaker_member_id, speaker_name, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(orgId, orgPath.value(), rootId, row.title(), at(row.startsAt()), at(row.endsAt()),
                        row.startsAt().toLocalDate(), row.place(), row.onlineLink(), row.agenda(),
                        row.speakerMemberId(), row.speakerName(), by)
                .query(Long.class).single();
        insertKinds(id, kinds);
        return id;
    }

    public void update(long id, Row row, Set<MeetingKind> kinds) {
        jdbc.sql("""
                        update life_meeting set title = ?, starts_at = ?, ends_at = ?, held_on = ?, place = ?,
                               online_link = ?, agenda = ?, speaker_member_id = ?, speaker_name = ?,
                               version = version + 1, updated_at = now()
                        where id = ?""")
                .params(row.title(), at(row.startsAt()), at(row.endsAt()), row.startsAt().toLocalDate(), row.place(),
                        row.onlineLink(), row.agenda(), row.speakerMemberId(), row.speakerName(), id)
                .update();
        jdbc.sql("delete from life_meeting_kind where meeting_id = ?").param(id).update();
        insertKinds(id, kinds);
    }

    public void cancel(long id, String reason) {
        jdbc.sql("""
                        update life_meeting set status = 'CANCELLED', cancelled_reason = ?, version = version + 1,
                               updated_at = now() where id = ?""")
                .params(reason, id).update();
    }

    private void insertKinds(long id, Set<MeetingKind> kinds) {
        for (MeetingKind kind : kinds) {
            jdbc.sql("insert into life_meeting_kind (meeting_id, kind) values (?, ?)").params(id, kind.name()).update();
        }
    }

    public Optional<Meeting> find(long id) {
        return jdbc.sql(SELECT + " where m.id = ?").param(id).query(MeetingRecords::map).optional();
    }

    /** The meetings of these ids, in no particular order. */
    public List<Meeting> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where m.id = any(?)").param(ids.toArray(Long[]::new)).query(MeetingRecords::map)
                .list();
    }

    /** Locks the meeting's row until the end of the transaction (edits, answers and records of one meeting queue). */
    public Optional<Meeting> lock(long id) {
        boolean exists = jdbc.sql("select id from life_meeting where id = ? for update").param(id).query(Long.class)
                .optional().isPresent();
        return exists ? find(id) : Optional.empty();
    }

    /** Whether the member is invited to the meeting. */
    public boolean invites(long meetingId, Long memberId) {
        return memberId != null && jdbc.sql("select exists (select 1 from life_invitee where meeting_id = ? and member_id = ?)")
                .params(meetingId, memberId).query(Boolean.class).single();
    }

    /**
     * A page of the meetings the caller may list, the most recent first. The page's meetings are picked first from an
     * index alone — for a large subtree the walk back by day of life_meeting_by_day, whose path tests the subtree on
     * the entries (V62) — and only those are read with their counts.
     */
    public List<Meeting> list(DataScope scope, TreePath subtree, MeetingFilter filter, int limit, long offset) {
        Map<String, Object> params = DataScope.params();
        String where = where(scope, subtree, filter, params, false);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(SELECT + " join (select m.id, m.held_on, m.starts_at from life_meeting m where " + where
                        + " order by m.held_on desc, m.starts_at desc, m.id desc limit :limit offset :offset) x"
                        + " on x.id = m.id order by x.held_on desc, x.starts_at desc, x.id desc")
                .params(params).query(MeetingRecords::map).list();
    }

    /**
     * How many the list holds, counted to {@link #COUNT_CAP} + 1 at most. With a kind, {@code fewOrganizations} (the
     * list covers at most {@link #FEW_ORGANIZATIONS}: the subtree's or the caller's scope's) tests each of its
     * meetings' kinds one by one; otherwise the planner joins the kind's rows, which it prefers for a county too: at
     * 5 M members a county's 7,900 meetings were counted against all 400,000 of a kind's in 120–190 ms, one by one in
     * 31 ms — while a city's took 33 ms joined and 80 one by one, the province's 20 and 84.
     */
    public long count(DataScope scope, TreePath subtree, MeetingFilter filter, boolean fewOrganizations) {
        Map<String, Object> params = DataScope.params();
        String where = where(scope, subtree, filter, params, fewOrganizations);
        params.put("cap", COUNT_CAP + 1);
        return jdbc.sql("select count(*) from (select 1 from life_meeting m where " + where + " limit :cap) c")
                .params(params).query(Long.class).single();
    }

    /**
     * Managers list a subtree ({@code subtree}, already checked to be theirs) or everything they manage; a member
     * without a managed scope lists the meetings they are invited to.
     */
    private static String where(DataScope scope, TreePath subtree, MeetingFilter filter, Map<String, Object> params,
                                boolean kindOneByOne) {
        List<String> and = new ArrayList<>();
        if (subtree != null) {
            and.add("m.org_path >= :lo and m.org_path < :hi");
            params.put("lo", subtree.value());
            params.put("hi", subtree.upperBound());
        } else if (scope.hasManagedScope()) {
            and.add(scope.memberScopeSql("m.org_path", params));
        } else {
            and.add("m.id in (select i.meeting_id from life_invitee i where i.member_id = :self)");
            params.put("self", scope.selfMemberId() == null ? 0L : scope.selfMemberId());
        }
        if (filter.kind() != null) {
            // an array of the meeting's kinds is read for each meeting: the planner cannot turn it into a join
            and.add(kindOneByOne ? ":kind = any(array(select k.kind from life_meeting_kind k where k.meeting_id = m.id))"
                    : "exists (select 1 from life_meeting_kind k where k.meeting_id = m.id and k.kind = :kind)");
            params.put("kind", filter.kind().name());
        }
        if (filter.month() != null) {
            and.add("m.held_on >= :monthStart and m.held_on < :monthEnd");
            params.put("monthStart", filter.month().atDay(1));
            params.put("monthEnd", filter.month().plusMonths(1).atDay(1));
        }
        if (filter.status() != null) {
            and.add("m.status = :status");
            params.put("status", filter.status().name());
        }
        return String.join(" and ", and);
    }

    /** Planned meetings of a subtree that have ended without a record, the longest waiting first (the inbox's). */
    public List<Meeting> endedUnrecorded(TreePath subtree, LocalDateTime now, int limit) {
        return jdbc.sql(SELECT + " where m.org_path >= ? and m.org_path < ? and m.status = 'PLANNED' and m.ends_at <= ?"
                        + " order by m.ends_at, m.id limit ?")
                .params(subtree.value(), subtree.upperBound(), at(now), limit).query(MeetingRecords::map).list();
    }

    /** What compliance reads of a meeting now (see {@link MeetingFacts}). */
    public Optional<MeetingFacts> facts(long id) {
        return jdbc.sql("""
                        select m.id, m.org_id, m.org_path, m.held_on, m.status, m.late,
                               array(select k.kind from life_meeting_kind k where k.meeting_id = m.id) as kinds,
                               (select count(*) from life_invitee i where i.meeting_id = m.id) as invited,
                               (select count(*) from life_invitee i where i.meeting_id = m.id
                                                                     and i.checked_in_at is not null) as attended
                        from life_meeting m where m.id = ?""")
                .param(id).query((rs, i) -> facts(rs)).optional();
    }

    /** An organization moved: its meetings and those of its subtree follow it. */
    public void rewritePaths(TreePath oldPath, TreePath newPath, long newRootId) {
        SubtreeRewrite.rewrite(jdbc, "life_meeting", oldPath, newPath, newRootId);
    }

    /** The ids of the given meetings that lie in the caller's scope (for the audit page's links). */
    public List<Long> inScope(DataScope scope, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = DataScope.params();
        String inScope = scope.memberScopeSql("m.org_path", params);
        params.put("ids", ids.toArray(Long[]::new));
        return jdbc.sql("select m.id from life_meeting m where m.id = any(:ids) and " + inScope).params(params)
                .query(Long.class).list();
    }

    public static OffsetDateTime at(LocalDateTime local) {
        return local == null ? null : local.atZone(ZONE).toOffsetDateTime();
    }

    public static LocalDateTime local(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(ZONE).toLocalDateTime();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Set<MeetingKind> kinds(Array array) throws SQLException {
        Set<MeetingKind> kinds = EnumSet.noneOf(MeetingKind.class);
        if (array != null) {
            Arrays.stream((Object[]) array.getArray()).map(k -> MeetingKind.valueOf((String) k)).forEach(kinds::add);
        }
        return kinds;
    }

    private static MeetingFacts facts(ResultSet rs) throws SQLException {
        return new MeetingFacts(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_path"),
                kinds(rs.getArray("kinds")), rs.getObject("held_on", LocalDate.class),
                MeetingStatus.valueOf(rs.getString("status")), rs.getInt("invited"), rs.getInt("attended"),
                rs.getBoolean("late"));
    }

    private static Meeting map(ResultSet rs, int i) throws SQLException {
        return new Meeting(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"), rs.getString("org_path"),
                rs.getString("title"), List.copyOf(kinds(rs.getArray("kinds"))), local(rs, "starts_at"),
                local(rs, "ends_at"), rs.getObject("held_on", LocalDate.class), rs.getString("place"),
                rs.getString("online_link"), rs.getString("agenda"), rs.getObject("speaker_member_id", Long.class),
                rs.getString("speaker_name"), MeetingStatus.valueOf(rs.getString("status")), rs.getBoolean("late"),
                rs.getString("late_reason"), rs.getString("cancelled_reason"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "recorded_at"), instant(rs, "confirmed_at"),
                rs.getString("confirmed_by"), rs.getInt("version"),
                new Meeting.Counts(rs.getInt("invited"), rs.getInt("confirmed"), rs.getInt("leave_requested"),
                        rs.getInt("on_leave"), rs.getInt("attended")));
    }
}
