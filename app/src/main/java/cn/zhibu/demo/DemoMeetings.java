package cn.zhibu.demo;

import cn.zhibu.life.Invitee;
import cn.zhibu.life.Meeting;
import cn.zhibu.life.MeetingAnswers;
import cn.zhibu.life.MeetingChanges;
import cn.zhibu.life.MeetingDraft;
import cn.zhibu.life.MeetingFacts;
import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.MeetingService;
import cn.zhibu.member.Member;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A year of organizational life for a demo branch: monthly 主题党日 (on the 15th, B10) and 支委会 (B7), a quarterly
 * 支部党员大会 (B6) and 党课 (B9), and one 组织生活会 (B11) in December — with the gaps a real branch has, so the
 * compliance views have something to show. Meetings are scheduled through the meeting service as if a week ahead;
 * what the record and check-in parts would later write (held, confirmed, who checked in, approved leave) is set by
 * SQL here, and compliance is told through {@link MeetingChanges}. Last month's 支委会 stays unrecorded (记录待补),
 * and a 主题党日 five days ahead invites the branch, one member having asked leave.
 */
final class DemoMeetings {

    private static final String[] THEMES = {"学习贯彻党的二十届三中全会精神", "重温入党誓词", "走访慰问困难党员",
            "学习《中国共产党纪律处分条例》", "志愿服务进社区", "参观红色教育基地", "学习习近平新时代中国特色社会主义思想",
            "“七一”主题党日", "廉政教育", "读书分享会", "垃圾分类宣传志愿活动", "学习党章"};
    private static final String[] LECTURES = {"坚定理想信念，践行初心使命", "以严的基调强化正风肃纪", "发扬斗争精神，增强斗争本领",
            "弘扬伟大建党精神"};

    private final MeetingService meetings;
    private final MeetingAnswers answers;
    private final MeetingChanges changes;
    private final JdbcClient jdbc;
    private final DataScope scope;
    private final Random random;
    private final LocalDate today;

    DemoMeetings(MeetingService meetings, MeetingAnswers answers, MeetingChanges changes, JdbcClient jdbc,
                 DataScope scope, Random random, LocalDate today) {
        this.meetings = meetings;
        this.answers = answers;
        this.changes = changes;
        this.jdbc = jdbc;
        this.scope = scope;
        this.random = random;
        this.today = today;
    }

    /**
     * The past twelve months of a branch: {@code skipped} are the months back (1–12) without a 主题党日,
     * {@code committeeGap} the month back without a 支委会, and the {@code lectureGap}-th 党课 of the year (0–3) was
     * not given.
     */
    void year(PlacedOrg branch, Set<Integer> skipped, int committeeGap, int lectureGap) {
        long orgId = branch.org().id();
        Member secretary = branch.members().get(0);
        boolean committee = meetings.kindsFor(scope, orgId).contains(MeetingKind.COMMITTEE);
        int lectures = 0;
        for (int back = 12; back >= 1; back--) {
            YearMonth month = YearMonth.from(today).minusMonths(back);
            String m = month.getMonthValue() + "月";
            if (!skipped.contains(back)) {
                held(schedule(orgId, m + "主题党日：" + THEMES[month.getMonthValue() - 1], Set.of(MeetingKind.THEME_DAY),
                        month.atDay(15).atTime(14, 30), 120, null), back);
            }
            if (committee && back != committeeGap) {
                Meeting c = schedule(orgId, m + "支委会", Set.of(MeetingKind.COMMITTEE), month.atDay(5).atTime(9, 0), 90, null);
                if (back > 1) {
                    held(c, back); // last month's stays PLANNED: its record is due (记录待补)
                }
            }
            if (month.getMonthValue() % 3 == 0) {
                held(schedule(orgId, "第" + (month.getMonthValue() / 3) + "季度支部党员大会", Set.of(MeetingKind.GENERAL_ASSEMBLY),
                        month.atDay(20).atTime(15, 0), 120, null), back);
            }
            if (month.getMonthValue() % 3 == 2 && lectures++ != lectureGap) {
                held(schedule(orgId, "党课：" + LECTURES[month.getMonthValue() / 3], Set.of(MeetingKind.LECTURE),
                        month.atDay(25).atTime(15, 0), 90, secretary.id()), back);
            }
            if (month.getMonthValue() == 12) {
                held(schedule(orgId, month.getYear() + "年度组织生活会", Set.of(MeetingKind.LIFE_MEETING),
                        month.atDay(28).atTime(9, 0), 180, null), back);
            }
        }
    }

    /** A 主题党日 five days ahead; {@code onLeave} has asked leave, waiting for the secretary's decision. */
    void upcoming(PlacedOrg branch, Member onLeave) {
        LocalDateTime start = today.plusDays(5).atTime(14, 30);
        Meeting m = schedule(branch.org().id(), start.getMonthValue() + "月主题党日：学习贯彻全会精神专题研讨",
                Set.of(MeetingKind.THEME_DAY), start, 120, null);
        DataScope member = new DataScope(0, onLeave.name(), false, List.of(), List.of(), onLeave.id(),
                new TreePath(onLeave.orgPath()), false);
        answers.askLeave(member, m.id(), "在外地参加业务培训，会后补学");
    }

    private Meeting schedule(long orgId, String title, Set<MeetingKind> kinds, LocalDateTime start, int minutes,
                             Long speaker) {
        MeetingDraft draft = new MeetingDraft(orgId, title, kinds, start, start.plusMinutes(minutes), "机关党员活动室", null,
                "一、学习有关文件精神\n二、交流研讨\n三、部署下阶段工作", speaker, null, null);
        LocalDate asOf = start.toLocalDate().minusDays(7);
        return meetings.scheduleAsOf(scope, draft, asOf.isAfter(today) ? today : asOf);
    }

    /** What the record and check-in would have written: held (confirmed when older than a month), who came. */
    private void held(Meeting m, int monthsBack) {
        MeetingFacts before = changes.facts(m.id());
        OffsetDateTime recorded = at(m.endsAt().plusDays(1));
        boolean confirmed = monthsBack > 1;
        jdbc.sql("""
                        update life_meeting set status = ?, recorded_at = ?, confirmed_at = ?, confirmed_by = ?
                        where id = ?""")
                .params(confirmed ? "CONFIRMED" : "HELD", recorded, confirmed ? recorded.plusDays(1) : null,
                        confirmed ? m.createdBy() : null, m.id())
                .update();
        for (Invitee i : meetings.invitees(scope, m.id())) {
            double roll = random.nextDouble();
            if (roll < 0.08) {
                jdbc.sql("""
                                update life_invitee set response = 'LEAVE', leave_reason = '出差', leave_status = 'APPROVED',
                                       leave_decided_by = ?, leave_decided_at = ? where meeting_id = ? and member_id = ?""")
                        .params(m.createdBy(), at(m.startsAt().minusDays(1)), m.id(), i.memberId()).update();
            } else if (roll < 0.95) {
                jdbc.sql("""
                                update life_invitee set response = 'CONFIRMED', checked_in_at = ?, checked_out_at = ?
                                where meeting_id = ? and member_id = ?""")
                        .params(at(m.startsAt().minusMinutes(random.nextInt(15))), at(m.endsAt()), m.id(), i.memberId())
                        .update();
            }
        }
        changes.announce(before, changes.facts(m.id()));
    }

    private static OffsetDateTime at(LocalDateTime local) {
        return local.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }
}
