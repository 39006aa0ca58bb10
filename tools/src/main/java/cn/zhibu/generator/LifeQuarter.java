package cn.zhibu.generator;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.compliance.CompliancePeriod;
import cn.zhibu.life.compliance.CompliancePolicy;
import cn.zhibu.life.compliance.HeldMonth;
import cn.zhibu.life.compliance.OrgProfile;
import cn.zhibu.life.compliance.PeriodType;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.db.CopyStream;
import cn.zhibu.platform.db.CopyText;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The current quarter of 组织生活 up to the reference day, for every branch, 党小组 and 党委: 主题党日 each month on the
 * branch's own day, a 支部党员大会 and a 党课 in the quarter (sometimes one meeting counting for both), 党小组会 monthly,
 * in Q4 a 组织生活会 with the 民主评议, and the 党委书记's 党课. Most branches keep to the rules; about one in seven
 * is behind. A few meetings are recorded late (补录). Meetings (with a short record) are written by COPY and one
 * INSERT … SELECT; their invitees — the members of
 * the organizations invited — by one INSERT … SELECT over the member table, with a repeatable share attending; the
 * compliance roll-ups are then filled in bulk, the organizations' own facts by {@link CompliancePolicy} as the app
 * computes them.
 */
final class LifeQuarter {

    private static final String MEETING_COLUMNS = "id, org_id, org_path, root_id, title, starts_at, ends_at, held_on, "
            + "place, status, late, late_reason, created_by, created_at, recorded_at, confirmed_at, confirmed_by";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx");
    /** Percent of branches that keep to the rules; the others hold about half of what they should. */
    private static final int DILIGENT_PERCENT = 86;
    private static final String CREATED_BY = "数据生成器";

    private final ProvincePlan plan;
    private final long seed;
    private final LocalDate today;
    private final CompliancePeriod quarter;
    private final ZoneId zone = ZoneId.systemDefault();
    /** What each organization held, by index, for its own compliance facts. */
    private final Map<Integer, List<HeldMonth>> held = new HashMap<>();
    private long meetings;

    LifeQuarter(ProvincePlan plan, long seed, LocalDate today) {
        this.plan = plan;
        this.seed = seed;
        this.today = today;
        this.quarter = CompliancePeriod.containing(PeriodType.QUARTER, today);
    }

    /** One meeting to write: its organization, day, kinds, the organizations whose members are invited. */
    private record Meeting(PlannedOrg org, LocalDate day, Set<MeetingKind> kinds, List<PlannedOrg> invited,
                           int attendPercent, boolean late) {
    }

    /**
     * Writes the meetings, their kinds, and into a temporary table the organizations each invites.
     *
     * @return how many meetings
     */
    long writeMeetings(Connection connection, JdbcClient jdbc) throws SQLException {
        jdbc.sql("create temporary table gen_life_invited (meeting_id bigint not null, org_id bigint not null,"
                + " attend_percent int not null) on commit drop").update();
        Map<Integer, List<PlannedOrg>> groups = new HashMap<>();
        for (PlannedOrg org : plan.orgs()) {
            if (org.type == OrganizationType.GROUP) {
                groups.computeIfAbsent(org.parent.index, k -> new ArrayList<>()).add(org);
            }
        }
        CopyText meetingRows = new CopyText(1 << 20);
        CopyText kindRows = new CopyText(1 << 20);
        CopyText invitedRows = new CopyText(1 << 20);
        try (CopyStream meetingCopy = CopyStream.open(connection, "life_meeting", MEETING_COLUMNS)) {
            List<Meeting> pending = new ArrayList<>();
            for (PlannedOrg org : plan.orgs()) {
                SplittableRandom random = new SplittableRandom(seed * 131 + org.id());
                if (org.type.isBranch()) {
                    branch(org, groups.getOrDefault(org.index, List.of()), random, pending);
                } else if (org.type.isCommittee() && random.nextInt(100) < 40) {
                    add(pending, org, day(random), EnumSet.of(MeetingKind.LECTURE), List.of(org), random);
                }
                for (Meeting m : pending) {
                    long id = ++meetings;
                    meeting(meetingRows, id, m);
                    for (MeetingKind kind : m.kinds()) {
                        kindRows.number(id).tab().text(kind.name()).endRow();
                        held.computeIfAbsent(m.org().index, k -> new ArrayList<>())
                                .add(new HeldMonth(kind, YearMonth.from(m.day()), 1, 0, 0, 0));
                    }
                    for (PlannedOrg invited : m.invited()) {
                        invitedRows.number(id).tab().number(invited.id()).tab().number(m.attendPercent()).endRow();
                    }
                }
                pending.clear();
                meetingCopy.sendIfFull(meetingRows);
            }
            meetingCopy.send(meetingRows);
            meetingCopy.finish();
        }
        copy(connection, "life_meeting_kind", "meeting_id, kind", kindRows);
        copy(connection, "gen_life_invited", "meeting_id, org_id, attend_percent", invitedRows);
        // every meeting written is held and recorded: its record (会议记录) as the record part saves one
        jdbc.sql("""
                insert into life_record (meeting_id, minutes, chair, minutes_taker, saved_by, saved_at)
                select id, '<p>' || title || '：传达学习上级精神，结合实际研究部署近期工作。</p>', '支部书记', '组织委员', ?, recorded_at
                from life_meeting""").param(CREATED_BY).update();
        return meetings;
    }

    /** A branch's quarter: diligent ones hold nearly everything, the others about half. */
    private void branch(PlannedOrg branch, List<PlannedOrg> groups, SplittableRandom random, List<Meeting> out) {
        boolean diligent = random.nextInt(100) < DILIGENT_PERCENT;
        List<PlannedOrg> everyone = new ArrayList<>(groups.size() + 1);
        everyone.add(branch);
        everyone.addAll(groups);
        int themeDay = 5 + random.nextInt(21);
        for (YearMonth month = quarter.first(); !month.isAfter(quarter.lastMonth()); month = month.plusMonths(1)) {
            LocalDate day = month.atDay(Math.min(themeDay, month.lengthOfMonth()));
            if (day.isBefore(today) && random.nextInt(100) < (diligent ? 97 : 45)) {
                add(out, branch, day, EnumSet.of(MeetingKind.THEME_DAY), everyone, random);
            }
            for (PlannedOrg group : groups) {
                LocalDate groupDay = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
                if (groupDay.isBefore(today) && random.nextInt(100) < (diligent ? 93 : 40)) {
                    add(out, group, groupDay, EnumSet.of(MeetingKind.GROUP), List.of(group), random);
                }
            }
        }
        boolean assembly = random.nextInt(100) < (diligent ? 85 : 30);
        boolean lecture = random.nextInt(100) < (diligent ? 75 : 25);
        if (assembly && lecture && random.nextInt(100) < 25) {
            // one meeting counting for both: a 党员大会 followed by the 党课
            add(out, branch, day(random), EnumSet.of(MeetingKind.GENERAL_ASSEMBLY, MeetingKind.LECTURE), everyone,
                    random);
        } else {
            if (assembly) {
                add(out, branch, day(random), EnumSet.of(MeetingKind.GENERAL_ASSEMBLY), everyone, random);
            }
            if (lecture) {
                add(out, branch, day(random), EnumSet.of(MeetingKind.LECTURE), everyone, random);
            }
        }
        if (quarter.lastMonth().getMonthValue() == 12 && random.nextInt(100) < (diligent ? 20 : 5)) {
            // the year's 组织生活会, held as a 党员大会 with the 民主评议党员
            add(out, branch, day(random), EnumSet.of(MeetingKind.LIFE_MEETING, MeetingKind.APPRAISAL), everyone, random);
        }
    }

    /** A day of the quarter before today. */
    private LocalDate day(SplittableRandom random) {
        long days = Math.max(1, today.toEpochDay() - quarter.firstDay().toEpochDay());
        return quarter.firstDay().plusDays(random.nextLong(days));
    }

    private void add(List<Meeting> out, PlannedOrg org, LocalDate day, Set<MeetingKind> kinds, List<PlannedOrg> invited,
                     SplittableRandom random) {
        boolean late = day.isBefore(today.minusDays(20)) && random.nextInt(100) < 3;
        out.add(new Meeting(org, day, kinds, invited, 70 + random.nextInt(31), late));
    }

    private void meeting(CopyText rows, long id, Meeting m) {
        String title = m.kinds().stream().map(MeetingKind::label).reduce((a, b) -> a + "暨" + b).orElseThrow();
        var starts = m.day().atTime(14, 30).atZone(zone);
        var recorded = m.late() ? starts.plusDays(15) : starts.plusHours(3);
        boolean recent = !m.day().isBefore(today.minusDays(7));
        rows.number(id).tab().number(m.org().id()).tab().text(m.org().path).tab().number(m.org().rootId()).tab()
                .text(m.day().getMonthValue() + "月" + title).tab().text(TIMESTAMP.format(starts)).tab()
                .text(TIMESTAMP.format(starts.plusHours(2))).tab().date(m.day()).tab().text("党员活动室").tab()
                .text(recent ? "HELD" : "CONFIRMED").tab().text(Boolean.toString(m.late())).tab();
        if (m.late()) {
            rows.text("会后未及时录入，补录");
        } else {
            rows.nul();
        }
        rows.tab().text(CREATED_BY).tab().text(TIMESTAMP.format(starts.minusDays(7))).tab()
                .text(TIMESTAMP.format(recorded)).tab();
        if (recent) {
            rows.nul().tab().nul();
        } else {
            rows.text(TIMESTAMP.format(recorded.plusDays(1))).tab().text(CREATED_BY);
        }
        rows.endRow();
    }

    /**
     * The invitees: every member of the invited organizations, 正式党员 voting; a repeatable share (the meeting's
     * attendance) checked in, most of the others on approved leave.
     *
     * @return how many invitations
     */
    static long writeInvitees(JdbcClient jdbc) {
        jdbc.sql("analyze gen_life_invited, life_meeting, member").update();
        return jdbc.sql("""
                insert into life_invitee (meeting_id, member_id, member_name, voting, response, leave_reason, leave_status,
                                          leave_decided_by, checked_in_at, checked_out_at)
                select g.meeting_id, mb.id, mb.name, mb.status = 'FULL',
                       case when a.attends then 'CONFIRMED' when a.roll < 60 then 'LEAVE' end,
                       case when not a.attends and a.roll < 60 then '因公出差' end,
                       case when not a.attends and a.roll < 60 then 'APPROVED' end,
                       case when not a.attends and a.roll < 60 then '数据生成器' end,
                       case when a.attends then m.starts_at - interval '5 minutes' end,
                       case when a.attends then m.ends_at end
                from gen_life_invited g
                join life_meeting m on m.id = g.meeting_id
                join member mb on mb.org_id = g.org_id
                cross join lateral (select (mb.id * 2654435761 + g.meeting_id * 40503) % 100 < g.attend_percent as attends,
                                           (mb.id * 40503 + g.meeting_id * 7919) % 100 as roll) a
                order by g.meeting_id, mb.id""").update();
    }

    /** Profiles, what each organization held, its own facts and the roll-up over every ancestor, in bulk. */
    void writeCompliance(Connection connection, JdbcClient jdbc, PhaseTimer timer) throws Exception {
        timer.run("组织生活考核：考核对象", () -> jdbc.sql("""
                insert into life_compliance_org (org_id, org_path, class, due_from, due_until, committee_from)
                select org_id, org_path, class, due_from, due_until, committee_from from life_compliance_org_recount""")
                .update());
        timer.run("组织生活考核：各组织开展情况", () -> jdbc.sql("""
                insert into life_compliance_held (org_id, month, kind, meetings, invited, attended, late)
                select m.org_id, date_trunc('month', m.held_on)::date, k.kind, count(*)::int,
                       coalesce(sum(i.invited), 0)::int, coalesce(sum(i.attended), 0)::int,
                       (count(*) filter (where m.late))::int
                from life_meeting m
                join life_meeting_kind k on k.meeting_id = m.id
                left join (select meeting_id, count(*) as invited, count(checked_in_at) as attended
                           from life_invitee group by meeting_id) i on i.meeting_id = m.id
                where m.status in ('HELD', 'CONFIRMED')
                group by 1, 2, 3""").update());
        timer.run("组织生活考核：各组织考核事实", () -> writeOwn(connection));
        timer.run("组织生活考核：逐级汇总", () -> {
            jdbc.sql("set local work_mem = '256MB'").update();
            jdbc.sql("""
                    insert into life_compliance_rollup (org_id, metric, period, n)
                    select org_id, metric, period, n from life_compliance_rollup_recount
                    order by org_id, metric, period""").update();
            jdbc.sql("reset work_mem").update();
        });
        jdbc.sql("select setval('life_meeting_seq', greatest(1, ?))").param(meetings).query(Long.class).single();
    }

    /** Each organization's own facts, as the app's policy computes them from what it held. */
    private void writeOwn(Connection connection) throws SQLException {
        CopyText own = new CopyText(1 << 20);
        try (CopyStream copy = CopyStream.open(connection, "life_compliance_own", "org_id, metric, period")) {
            for (PlannedOrg org : plan.orgs()) {
                List<HeldMonth> of = held.get(org.index);
                if (of == null) {
                    continue;
                }
                OrgProfile profile = OrgProfile.of(org.type, org.establishedOn, null, 0, null);
                for (CompliancePolicy.OwnFact f : CompliancePolicy.own(profile, of, List.of(), List.of(quarter.year()))) {
                    own.number(org.id()).tab().text(f.metric()).tab().date(f.period().atDay(1)).endRow();
                }
                copy.sendIfFull(own);
            }
            copy.send(own);
            copy.finish();
        }
    }

    private static void copy(Connection connection, String table, String columns, CopyText rows) throws SQLException {
        try (CopyStream copy = CopyStream.open(connection, table, columns)) {
            copy.send(rows);
            copy.finish();
        }
    }
}
