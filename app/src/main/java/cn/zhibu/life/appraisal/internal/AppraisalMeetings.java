package cn.zhibu.life.appraisal.internal;

import cn.zhibu.life.MeetingFacts;
import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.MeetingStatus;
import cn.zhibu.life.appraisal.MeetingOption;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The meeting that concludes an appraisal, in the shared meeting tables of V25 (the only place compliance reads what
 * was held). Either the secretary links the 支委会 or 党员大会 already recorded where the grades were proposed — it then
 * gets the kind APPRAISAL besides its own (one meeting counts once for each of its kinds) — or a meeting of the kind
 * APPRAISAL alone is recorded here for that day, already confirmed: the appraisal's own stages are its record.
 * <p>
 * The facts handed to the {@code MeetingChangeListener}s are read from the same tables: invited = the meeting's
 * invitees, attended = those checked in. (When the meetings part's own facts reader is merged, use it here.)
 */
@Repository
public class AppraisalMeetings {

    private final JdbcClient jdbc;

    AppraisalMeetings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A recorded meeting's facts, by id; empty when there is none. */
    public Optional<MeetingFacts> facts(long meetingId) {
        return jdbc.sql("""
                        select m.id, m.org_id, m.org_path, m.held_on, m.status, m.late,
                               (select count(*) from life_invitee i where i.meeting_id = m.id) as invited,
                               (select count(*) from life_invitee i where i.meeting_id = m.id
                                                                      and i.checked_in_at is not null) as attended,
                               array(select k.kind from life_meeting_kind k where k.meeting_id = m.id) as kinds
                        from life_meeting m where m.id = ?""")
                .param(meetingId)
                .query((rs, i) -> {
                    Set<MeetingKind> kinds = EnumSet.noneOf(MeetingKind.class);
                    for (String k : (String[]) rs.getArray("kinds").getArray()) {
                        kinds.add(MeetingKind.valueOf(k));
                    }
                    return new MeetingFacts(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_path"), kinds,
                            rs.getObject("held_on", LocalDate.class), MeetingStatus.valueOf(rs.getString("status")),
                            rs.getInt("invited"), rs.getInt("attended"), rs.getBoolean("late"));
                })
                .optional();
    }

    /** Locks the meeting's row (a concurrent change of it waits), then reads its facts. */
    public Optional<MeetingFacts> lock(long meetingId) {
        return jdbc.sql("select id from life_meeting where id = ? for update").param(meetingId).query(Long.class)
                .optional().flatMap(this::facts);
    }

    /**
     * The branch's recorded (held or confirmed) 支委会 and 党员大会 from the start of {@code year}, latest first, that
     * conclude no appraisal yet: where the grades may have been proposed.
     */
    public List<MeetingOption> candidates(long orgId, int year) {
        return jdbc.sql("""
                        select m.id, m.title, m.held_on,
                               array(select k.kind from life_meeting_kind k where k.meeting_id = m.id order by k.kind) as kinds
                        from life_meeting m
                        where m.org_id = ? and m.held_on >= ? and m.status in ('HELD', 'CONFIRMED')
                          and exists (select 1 from life_meeting_kind k where k.meeting_id = m.id
                                      and k.kind in ('COMMITTEE', 'GENERAL_ASSEMBLY'))
                          and not exists (select 1 from life_appraisal a where a.meeting_id = m.id)
                        order by m.held_on desc, m.id desc limit 50""")
                .params(orgId, LocalDate.of(year, 1, 1))
                .query((rs, i) -> {
                    List<String> labels = new ArrayList<>();
                    for (String k : (String[]) rs.getArray("kinds").getArray()) {
                        labels.add(MeetingKind.valueOf(k).label());
                    }
                    return new MeetingOption(rs.getLong("id"), rs.getString("title"),
                            rs.getObject("held_on", LocalDate.class), String.join("、", labels));
                })
                .list();
    }

    public void addKind(long meetingId, MeetingKind kind) {
        jdbc.sql("insert into life_meeting_kind (meeting_id, kind) values (?, ?) on conflict do nothing")
                .params(meetingId, kind.name()).update();
        jdbc.sql("update life_meeting set version = version + 1, updated_at = now() where id = ?").param(meetingId)
                .update();
    }

    /** Records a confirmed meeting of the kind APPRAISAL alone, for the day the grades were proposed. */
    public long insertAppraisalMeeting(long orgId, TreePath orgPath, long rootId, String title, Instant startsAt,
                                       Instant endsAt, LocalDate heldOn, String agenda, String by) {
        long id = jdbc.sql("""
                        insert into life_meeting (org_id, org_path, root_id, title, starts_at, ends_at, held_on, agenda,
                                                  status, created_by, recorded_at, confirmed_at, confirmed_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'CONFIRMED', ?, now(), now(), ?) returning id""")
                .params(orgId, orgPath.value(), rootId, title, startsAt.atOffset(java.time.ZoneOffset.UTC),
                        endsAt.atOffset(java.time.ZoneOffset.UTC), heldOn, agenda, by, by)
                .query(Long.class).single();
        jdbc.sql("insert into life_meeting_kind (meeting_id, kind) values (?, ?)")
                .params(id, MeetingKind.APPRAISAL.name()).update();
        return id;
    }
}
