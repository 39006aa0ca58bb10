package cn.zhibu.support;

import cn.zhibu.life.MeetingChangeListener;
import cn.zhibu.life.MeetingFacts;
import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.MeetingStatus;
import cn.zhibu.organization.Organization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Meetings for tests that need them without the meeting services: rows written into the V25 tables, and every
 * {@link MeetingChangeListener} told of each change with the facts before and after, in the same transaction — as the
 * meeting, check-in and record parts of the module do. Invitees are placeholders numbered from 1; the first
 * {@code attended} of them are checked in.
 */
@Component
public class LifeMeetingFixture {

    private final JdbcClient jdbc;
    private final List<MeetingChangeListener> listeners;
    private final TransactionTemplate transaction;

    public LifeMeetingFixture(JdbcClient jdbc, List<MeetingChangeListener> listeners, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.listeners = listeners;
        this.transaction = new TransactionTemplate(tx);
    }

    /** A meeting scheduled, then held and recorded on time. */
    public long held(Organization org, LocalDate heldOn, int invited, int attended, MeetingKind... kinds) {
        return record(org, heldOn, invited, attended, false, kinds);
    }

    /** A meeting scheduled, then held and recorded late (补录). */
    public long late(Organization org, LocalDate heldOn, int invited, int attended, MeetingKind... kinds) {
        return record(org, heldOn, invited, attended, true, kinds);
    }

    private long record(Organization org, LocalDate heldOn, int invited, int attended, boolean late,
                        MeetingKind... kinds) {
        long id = planned(org, heldOn, invited, kinds);
        change(id, f -> new MeetingFacts(f.meetingId(), f.orgId(), f.orgPath(), f.kinds(), f.heldOn(),
                MeetingStatus.HELD, f.invited(), attended, late));
        return id;
    }

    /** A meeting scheduled only: compliance does not count it. */
    public long planned(Organization org, LocalDate heldOn, int invited, MeetingKind... kinds) {
        Long id = transaction.execute(status -> {
            long meeting = jdbc.sql("""
                            insert into life_meeting (org_id, org_path, root_id, title, starts_at, ends_at, held_on, created_by)
                            values (?, ?, ?, ?, ?, ?, ?, '测试') returning id""")
                    .params(org.id(), org.path().value(), org.rootId(), "测试会议",
                            java.sql.Timestamp.from(heldOn.atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant()),
                            java.sql.Timestamp.from(heldOn.atTime(11, 0).atZone(ZoneId.systemDefault()).toInstant()),
                            heldOn)
                    .query(Long.class).single();
            for (MeetingKind kind : kinds) {
                jdbc.sql("insert into life_meeting_kind (meeting_id, kind) values (?, ?)").params(meeting, kind.name())
                        .update();
            }
            jdbc.sql("""
                            insert into life_invitee (meeting_id, member_id, member_name, voting)
                            select ?, n, '参会人' || n, true from generate_series(1, ?) n""")
                    .params(meeting, invited).update();
            tell(null, facts(meeting));
            return meeting;
        });
        return id == null ? 0 : id;
    }

    /**
     * Changes a meeting as the record part would (status, kinds, day held, organization, attendance, late), writing
     * the rows and telling the listeners in one transaction.
     */
    public void change(long meetingId, UnaryOperator<MeetingFacts> change) {
        transaction.executeWithoutResult(status -> {
            MeetingFacts before = facts(meetingId);
            MeetingFacts after = change.apply(before);
            jdbc.sql("update life_meeting set org_id = ?, org_path = ?, held_on = ?, status = ?, late = ? where id = ?")
                    .params(after.orgId(), after.orgPath(), after.heldOn(), after.status().name(), after.late(), meetingId)
                    .update();
            jdbc.sql("delete from life_meeting_kind where meeting_id = ?").param(meetingId).update();
            for (MeetingKind kind : after.kinds()) {
                jdbc.sql("insert into life_meeting_kind (meeting_id, kind) values (?, ?)").params(meetingId, kind.name())
                        .update();
            }
            jdbc.sql("update life_invitee set checked_in_at = case when member_id <= ? then now() end where meeting_id = ?")
                    .params(after.attended(), meetingId).update();
            tell(before, after);
        });
    }

    public void cancel(long meetingId) {
        change(meetingId, f -> new MeetingFacts(f.meetingId(), f.orgId(), f.orgPath(), f.kinds(), f.heldOn(),
                MeetingStatus.CANCELLED, f.invited(), f.attended(), f.late()));
    }

    public void heldOn(long meetingId, LocalDate day) {
        change(meetingId, f -> new MeetingFacts(f.meetingId(), f.orgId(), f.orgPath(), f.kinds(), day, f.status(),
                f.invited(), f.attended(), f.late()));
    }

    public void kinds(long meetingId, MeetingKind... kinds) {
        change(meetingId, f -> new MeetingFacts(f.meetingId(), f.orgId(), f.orgPath(), Set.of(kinds), f.heldOn(),
                f.status(), f.invited(), f.attended(), f.late()));
    }

    public void attended(long meetingId, int attended) {
        change(meetingId, f -> new MeetingFacts(f.meetingId(), f.orgId(), f.orgPath(), f.kinds(), f.heldOn(),
                f.status(), f.invited(), attended, f.late()));
    }

    /** The meeting's facts as stored. */
    public MeetingFacts facts(long meetingId) {
        Set<MeetingKind> kinds = new LinkedHashSet<>(jdbc.sql("select kind from life_meeting_kind where meeting_id = ?")
                .param(meetingId).query((rs, i) -> MeetingKind.valueOf(rs.getString(1))).list());
        return jdbc.sql("""
                        select m.org_id, m.org_path, m.held_on, m.status, m.late,
                               (select count(*) from life_invitee i where i.meeting_id = m.id) as invited,
                               (select count(*) from life_invitee i where i.meeting_id = m.id and i.checked_in_at is not null) as attended
                        from life_meeting m where m.id = ?""")
                .param(meetingId)
                .query((rs, i) -> new MeetingFacts(meetingId, rs.getLong("org_id"), rs.getString("org_path"), kinds,
                        rs.getObject("held_on", LocalDate.class), MeetingStatus.valueOf(rs.getString("status")),
                        rs.getInt("invited"), rs.getInt("attended"), rs.getBoolean("late")))
                .single();
    }

    private void tell(MeetingFacts before, MeetingFacts after) {
        listeners.forEach(l -> l.changed(before, after));
    }
}
