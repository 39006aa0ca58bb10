package cn.zhibu.life.compliance;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.compliance.ComplianceHeatMap.ComplianceHeatMapCell;
import cn.zhibu.life.compliance.ComplianceHeatMap.ComplianceHeatMapRow;
import cn.zhibu.life.compliance.internal.ComplianceRollup;
import cn.zhibu.organization.CommitteePosition;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationCategory;
import cn.zhibu.organization.OrganizationForm;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.ComplianceAudit;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.LifeMeetingFixture;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.zhibu.life.MeetingKind.GENERAL_ASSEMBLY;
import static cn.zhibu.life.MeetingKind.LIFE_MEETING;
import static cn.zhibu.life.MeetingKind.THEME_DAY;
import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roll-ups stay exact through every change compliance hears of — meetings recorded, amended (kinds, day held),
 * cancelled, recorded late; exemptions granted and revoked; organizations founded, given a committee, moved and
 * dissolved — checked against a recount from scratch after each, and read back through the heat map and the year.
 * Dates are in 2025, a closed year, so nothing depends on the day the test runs.
 */
@IntegrationTest
class ComplianceRollupIntegrationTest {

    private static final AtomicInteger WORLD = new AtomicInteger();
    private static final int YEAR = 2025;

    @Autowired TestData data;
    @Autowired LifeMeetingFixture meetings;
    @Autowired ComplianceAudit audit;
    @Autowired ComplianceRollup rollup;
    @Autowired ComplianceViews views;
    @Autowired OrganizationYears years;
    @Autowired ExemptionService exemptions;
    @Autowired OrganizationService organizations;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** A committee with two branches (the first with a 党小组) and an empty committee below it to move into. */
    record World(Organization top, Organization a, Organization group, Organization b, Organization sub) {
    }

    private World world() {
        String n = "考核" + WORLD.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        Organization top = data.committee(n + "上级党委");
        Organization a = data.org(top.id(), n + "甲支部", OrganizationType.BRANCH);
        Organization group = data.org(a.id(), n + "甲支部第一党小组", OrganizationType.GROUP);
        Organization b = data.org(top.id(), n + "乙支部", OrganizationType.BRANCH);
        Organization sub = data.org(top.id(), n + "下属党委", OrganizationType.BASE_COMMITTEE);
        return new World(top, a, group, b, sub);
    }

    private static LocalDate day(String mmdd) {
        return LocalDate.parse(YEAR + "-" + mmdd);
    }

    private ComplianceHeatMapCell cell(Organization mapOf, Organization row, MeetingKind kind, int month) {
        ComplianceHeatMap map = views.heatMap(SYSTEM, mapOf.id(), YEAR, kind == null ? null : kind.name());
        ComplianceHeatMapRow r = map.total().orgId() == row.id() ? map.total()
                : map.rows().stream().filter(x -> x.orgId() == row.id()).findFirst().orElseThrow();
        return r.cells().get(month - 1);
    }

    /** The world's compliance recounted from scratch agrees with what was kept, before and after a fold. */
    private void assertExact(World w) {
        assertThat(audit.mismatchesIn(w.top().path())).isEmpty();
        rollup.fold();
        assertThat(audit.mismatchesIn(w.top().path())).isEmpty();
    }

    @Test
    void B6_the_last_day_of_a_quarter_counts_for_that_quarter_at_every_level() {
        World w = world();
        long id = meetings.held(w.a(), day("03-31"), 20, 18, GENERAL_ASSEMBLY);
        assertExact(w);
        // the committee's subtree owes two branches' assemblies in Q1 (March's column): one held
        ComplianceHeatMapCell march = cell(w.top(), w.top(), GENERAL_ASSEMBLY, 3);
        assertThat(march.due()).isEqualTo(2);
        assertThat(march.met()).isEqualTo(1);
        assertThat(march.text()).isEqualTo("50%（1/2）");
        assertThat(cell(w.top(), w.a(), GENERAL_ASSEMBLY, 3).percent()).isEqualTo(100);
        assertThat(cell(w.top(), w.top(), GENERAL_ASSEMBLY, 2).state()).isEqualTo("NONE"); // nothing falls due in February
        assertThat(years.year(SYSTEM, w.a().id(), YEAR).quarterly().get(0).cells().get(0).status()).isEqualTo("MET");

        // amended to the next day: Q1 is missed, Q2 met
        meetings.heldOn(id, day("04-01"));
        assertExact(w);
        assertThat(cell(w.top(), w.top(), GENERAL_ASSEMBLY, 3).met()).isZero();
        assertThat(cell(w.top(), w.top(), GENERAL_ASSEMBLY, 6).met()).isEqualTo(1);
        ComplianceYear y = years.year(SYSTEM, w.a().id(), YEAR);
        assertThat(y.quarterly().get(0).cells().get(0).status()).isEqualTo("MISSED");
        assertThat(y.quarterly().get(0).cells().get(1).status()).isEqualTo("MET");
    }

    @Test
    void B6_B11_a_meeting_counted_for_two_kinds_counts_once_for_each_and_amending_its_kinds_moves_the_counts() {
        World w = world();
        long id = meetings.held(w.b(), day("12-10"), 12, 12, GENERAL_ASSEMBLY, LIFE_MEETING);
        assertExact(w);
        assertThat(cell(w.top(), w.b(), GENERAL_ASSEMBLY, 12).met()).isEqualTo(1);
        assertThat(cell(w.top(), w.b(), LIFE_MEETING, 12).met()).isEqualTo(1);
        assertThat(cell(w.top(), w.b(), MeetingKind.APPRAISAL, 12).met()).isZero();
        ComplianceYear y = years.year(SYSTEM, w.b().id(), YEAR);
        assertThat(y.quarterly().get(0).cells().get(3).meetings()).isEqualTo(1);
        assertThat(y.yearly().get(0).cells().get(0).status()).isEqualTo("MET");

        meetings.kinds(id, LIFE_MEETING, MeetingKind.APPRAISAL);
        assertExact(w);
        assertThat(cell(w.top(), w.b(), GENERAL_ASSEMBLY, 12).met()).isZero();
        assertThat(cell(w.top(), w.b(), MeetingKind.APPRAISAL, 12).met()).isEqualTo(1);
    }

    @Test
    void B10_a_meeting_cancelled_after_it_was_held_no_longer_counts_and_attendance_changes_follow() {
        World w = world();
        long id = meetings.held(w.a(), day("05-08"), 20, 10, THEME_DAY);
        meetings.held(w.b(), day("05-09"), 10, 10, THEME_DAY);
        meetings.attended(id, 15);
        assertExact(w);
        ComplianceYear.ComplianceCell may = years.year(SYSTEM, w.a().id(), YEAR).monthly().get(0).cells().get(4);
        assertThat(may.attendancePercent()).isEqualTo(75);
        // May, every requirement: branches a and b and the group owe; the group held nothing
        ComplianceHeatMapCell all = cell(w.top(), w.top(), null, 5);
        assertThat(all.due()).isEqualTo(3);
        assertThat(all.met()).isEqualTo(2);

        meetings.cancel(id);
        assertExact(w);
        assertThat(cell(w.top(), w.top(), null, 5).met()).isEqualTo(1);
        assertThat(years.year(SYSTEM, w.a().id(), YEAR).monthly().get(0).cells().get(4).status()).isEqualTo("MISSED");
        meetings.planned(w.a(), day("05-20"), 20, THEME_DAY); // planned only: not counted
        assertExact(w);
        assertThat(cell(w.top(), w.top(), null, 5).met()).isEqualTo(1);
    }

    @Test
    void B10_a_late_record_counts_for_the_month_held_and_is_marked_late() {
        World w = world();
        meetings.late(w.a(), day("02-26"), 8, 6, THEME_DAY);
        assertExact(w);
        ComplianceYear.ComplianceCell feb = years.year(SYSTEM, w.a().id(), YEAR).monthly().get(0).cells().get(1);
        assertThat(feb.status()).isEqualTo("MET");
        assertThat(feb.late()).isEqualTo(1);
        assertThat(cell(w.top(), w.a(), THEME_DAY, 2).met()).isEqualTo(1);
    }

    @Test
    void B8_a_group_answers_for_its_own_meetings_and_the_branch_s_year_shows_them() {
        World w = world();
        meetings.held(w.group(), day("07-15"), 5, 5, MeetingKind.GROUP);
        meetings.held(w.a(), day("07-15"), 5, 5, MeetingKind.GROUP); // a branch's "党小组会" counts for nothing owed
        assertExact(w);
        assertThat(cell(w.top(), w.a(), MeetingKind.GROUP, 7).due()).isEqualTo(1);
        assertThat(cell(w.top(), w.a(), MeetingKind.GROUP, 7).met()).isEqualTo(1);
        ComplianceYear y = years.year(SYSTEM, w.a().id(), YEAR);
        assertThat(y.groups()).singleElement().satisfies(g -> {
            assertThat(g.cells().get(6).status()).isEqualTo("MET");
            assertThat(g.cells().get(5).status()).isEqualTo("MISSED");
        });
        assertThat(years.year(SYSTEM, w.group().id(), YEAR).monthly()).singleElement().satisfies(r -> {
            assertThat(r.requirement()).isEqualTo("GROUP");
            assertThat(r.cells().get(6).status()).isEqualTo("MET");
        });
    }

    @Test
    void a_branch_founded_on_the_20th_is_not_counted_in_its_first_month() {
        World w = world();
        Organization young = organizations.create(SYSTEM, new OrganizationForm(w.top().id(), "新设支部" + System.nanoTime(),
                null, OrganizationType.BRANCH, OrganizationCategory.GOVERNMENT, null, null, day("05-20"), 0));
        meetings.held(young, day("05-25"), 6, 6, THEME_DAY);
        meetings.held(young, day("06-25"), 6, 6, THEME_DAY);
        assertExact(w);
        assertThat(cell(w.top(), w.top(), THEME_DAY, 5).due()).isEqualTo(2);   // a and b, not the new branch
        assertThat(cell(w.top(), w.top(), THEME_DAY, 6).due()).isEqualTo(3);
        assertThat(cell(w.top(), w.top(), THEME_DAY, 6).met()).isEqualTo(1);
        assertThat(cell(w.top(), w.top(), GENERAL_ASSEMBLY, 6).due()).isEqualTo(3); // Q2: 42 days, owed
        ComplianceYear y = years.year(SYSTEM, young.id(), YEAR);
        assertThat(y.monthly().get(0).cells().get(4).status()).isEqualTo("NOT_APPLICABLE");
        assertThat(y.monthly().get(0).cells().get(4).meetings()).isEqualTo(1);
        assertThat(y.monthly().get(0).cells().get(5).status()).isEqualTo("MET");
    }

    @Test
    void B7_a_committee_of_three_makes_committee_meetings_due_from_its_first_term() {
        World w = world();
        meetings.held(w.b(), day("03-12"), 3, 3, MeetingKind.COMMITTEE);
        assertExact(w);
        assertThat(cell(w.top(), w.top(), MeetingKind.COMMITTEE, 3).due()).isZero();
        organizations.startTerm(SYSTEM, w.b().id(), LocalDate.of(2025, 2, 20), LocalDate.of(2028, 2, 19));
        organizations.addSeat(SYSTEM, w.b().id(), CommitteePosition.SECRETARY, null, "书记甲");
        organizations.addSeat(SYSTEM, w.b().id(), CommitteePosition.ORGANIZATION, null, "委员乙");
        assertExact(w);
        assertThat(cell(w.top(), w.top(), MeetingKind.COMMITTEE, 3).due()).isZero(); // two seats: no 支委会 yet
        organizations.addSeat(SYSTEM, w.b().id(), CommitteePosition.PROPAGANDA, null, "委员丙");
        assertExact(w);
        assertThat(cell(w.top(), w.top(), MeetingKind.COMMITTEE, 2).due()).isZero(); // elected on the 20th
        assertThat(cell(w.top(), w.top(), MeetingKind.COMMITTEE, 3).due()).isEqualTo(1);
        assertThat(cell(w.top(), w.top(), MeetingKind.COMMITTEE, 3).met()).isEqualTo(1);
        assertThat(years.year(SYSTEM, w.b().id(), YEAR).monthly()).extracting(r -> r.requirement())
                .containsExactly("THEME_DAY", "COMMITTEE");
    }

    @Test
    void exemptions_granted_and_revoked_count_at_once() {
        World w = world();
        ComplianceExemption e = exemptions.grant(SYSTEM, new ExemptionForm(w.a().id(), YEAR + "-Q3", null,
                "全体党员参加抗洪抢险"));
        assertExact(w);
        assertThat(cell(w.top(), w.a(), THEME_DAY, 8).met()).isEqualTo(1);
        assertThat(cell(w.top(), w.a(), GENERAL_ASSEMBLY, 9).met()).isEqualTo(1);
        assertThat(cell(w.top(), w.top(), null, 8).met()).isEqualTo(1); // a is exempt; b and the group behind
        ComplianceYear.ComplianceCell aug = years.year(SYSTEM, w.a().id(), YEAR).monthly().get(0).cells().get(7);
        assertThat(aug.status()).isEqualTo("EXEMPT");
        assertThat(aug.exemptionReason()).isEqualTo("全体党员参加抗洪抢险");
        exemptions.revoke(SYSTEM, e.id());
        assertExact(w);
        assertThat(cell(w.top(), w.a(), THEME_DAY, 8).met()).isZero();
    }

    @Test
    void an_organization_moved_takes_its_counts_to_its_new_ancestors() {
        World w = world();
        meetings.held(w.b(), day("01-10"), 10, 9, THEME_DAY);
        meetings.held(w.b(), day("03-10"), 10, 9, GENERAL_ASSEMBLY);
        exemptions.grant(SYSTEM, new ExemptionForm(w.b().id(), YEAR + "-02", "THEME_DAY", "集中轮训"));
        assertThat(audit.pendingRows()).isPositive();
        organizations.move(SYSTEM, w.b().id(), w.sub().id()); // with the changes still pending, not folded
        assertExact(w);
        assertThat(cell(w.top(), w.sub(), THEME_DAY, 1).met()).isEqualTo(1);
        assertThat(cell(w.top(), w.sub(), THEME_DAY, 2).met()).isEqualTo(1);
        assertThat(cell(w.top(), w.sub(), GENERAL_ASSEMBLY, 3).due()).isEqualTo(1);
        assertThat(cell(w.top(), w.top(), GENERAL_ASSEMBLY, 3).due()).isEqualTo(2);
        assertThat(cell(w.sub(), w.b(), GENERAL_ASSEMBLY, 3).met()).isEqualTo(1);
        // and back, after a fold
        rollup.fold();
        organizations.move(SYSTEM, w.b().id(), w.top().id());
        meetings.held(w.b(), day("04-10"), 10, 9, THEME_DAY);
        assertExact(w);
        assertThat(cell(w.top(), w.sub(), THEME_DAY, 1).due()).isZero();
        assertThat(cell(w.top(), w.b(), THEME_DAY, 4).met()).isEqualTo(1);
    }

    @Test
    void a_dissolved_branch_owes_nothing_from_the_month_it_was_dissolved() {
        World w = world();
        Organization gone = data.org(w.top().id(), "撤销支部" + System.nanoTime(), OrganizationType.BRANCH);
        meetings.held(gone, day("01-10"), 5, 5, THEME_DAY);
        assertThat(cell(w.top(), w.top(), THEME_DAY, 3).due()).isEqualTo(3);
        organizations.dissolve(SYSTEM, gone.id(), day("03-31"), "单位撤并");
        assertExact(w);
        assertThat(cell(w.top(), w.top(), THEME_DAY, 2).due()).isEqualTo(3);
        assertThat(cell(w.top(), w.top(), THEME_DAY, 3).due()).isEqualTo(2);
        assertThat(cell(w.top(), w.top(), THEME_DAY, 1).met()).isEqualTo(1);
        // listed for the year it still owed something in
        assertThat(views.heatMap(SYSTEM, w.top().id(), YEAR, null).rows()).extracting(ComplianceHeatMapRow::orgId)
                .contains(gone.id());
    }

    @Test
    void the_recount_sees_a_count_kept_wrong() {
        World w = world();
        meetings.held(w.a(), day("09-09"), 4, 4, THEME_DAY);
        assertExact(w);
        jdbc.sql("insert into life_compliance_rollup_delta (org_id, metric, period, n) values (?, 'MET:THEME_DAY', ?, 1)")
                .params(w.top().id(), day("09-01")).update();
        jdbc.sql("update life_compliance_held set attended = attended + 1 where org_id = ?").param(w.a().id()).update();
        assertThat(audit.mismatchesIn(w.top().path())).hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith("rollup").contains("fresh 1, kept 2"))
                .anySatisfy(line -> assertThat(line).startsWith("held " + w.a().id()));
        jdbc.sql("insert into life_compliance_rollup_delta (org_id, metric, period, n) values (?, 'MET:THEME_DAY', ?, -1)")
                .params(w.top().id(), day("09-01")).update();
        jdbc.sql("update life_compliance_held set attended = attended - 1 where org_id = ?").param(w.a().id()).update();
        assertExact(w);
    }
}
