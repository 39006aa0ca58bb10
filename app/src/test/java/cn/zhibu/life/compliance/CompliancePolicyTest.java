package cn.zhibu.life.compliance;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.compliance.CompliancePolicy.OwnFact;
import cn.zhibu.organization.OrganizationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compliance rules (RULES.md B6–B11) at their period edges, as pure functions: which requirements are owed when,
 * proration for organizations founded or dissolved within a period, what counts as held, exempted, open or missed,
 * and the facts the roll-up counts.
 */
class CompliancePolicyTest {

    static final LocalDate FOUNDED_LONG_AGO = LocalDate.of(2001, 7, 1);
    static final OrgProfile BRANCH = OrgProfile.of(OrganizationType.BRANCH, FOUNDED_LONG_AGO, null, 0, null);
    static final OrgProfile BRANCH_WITH_COMMITTEE = OrgProfile.of(OrganizationType.BRANCH, FOUNDED_LONG_AGO, null, 3,
            LocalDate.of(2022, 5, 1));
    static final OrgProfile GROUP = OrgProfile.of(OrganizationType.GROUP, FOUNDED_LONG_AGO, null, 0, null);
    static final OrgProfile PARTY = OrgProfile.of(OrganizationType.BASE_COMMITTEE, FOUNDED_LONG_AGO, null, 5,
            LocalDate.of(2022, 5, 1));
    static final OrgProfile GENERAL_BRANCH = OrgProfile.of(OrganizationType.GENERAL_BRANCH, FOUNDED_LONG_AGO, null, 3,
            LocalDate.of(2022, 5, 1));

    static HeldMonth held(MeetingKind kind, String month) {
        return new HeldMonth(kind, YearMonth.parse(month), 1, 20, 18, 0);
    }

    static CompliancePeriod period(String key) {
        return CompliancePeriod.parse(key, "period");
    }

    static ObligationStatus status(OrgProfile profile, Requirement r, String period, List<HeldMonth> held,
                                   List<Exempted> exempted, String today) {
        return CompliancePolicy.status(profile, r, period(period), held, exempted, LocalDate.parse(today), true);
    }

    // ---------------------------------------------------------------- periods

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
            "2026-03-31, 2026-Q1",   // the last day of a quarter counts for that quarter
            "2026-04-01, 2026-Q2",
            "2026-01-01, 2026-Q1",
            "2026-12-31, 2026-Q4",
            "2026-06-30, 2026-Q2"})
    void B6_the_last_day_of_a_quarter_belongs_to_that_quarter(String day, String quarter) {
        assertThat(CompliancePeriod.containing(PeriodType.QUARTER, LocalDate.parse(day)).key()).isEqualTo(quarter);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2026-03, 2026年3月, 2026-03-31",
            "2026-Q1, 2026年第一季度, 2026-03-31",
            "2026-Q4, 2026年第四季度, 2026-12-31",
            "2026, 2026年度, 2026-12-31",
            "2024-02, 2024年2月, 2024-02-29"})
    void periods_read_from_their_keys_with_labels_and_last_days(String key, String label, String lastDay) {
        CompliancePeriod p = period(key);
        assertThat(p.key()).isEqualTo(key);
        assertThat(p.label()).isEqualTo(label);
        assertThat(p.lastDay()).isEqualTo(LocalDate.parse(lastDay));
    }

    @ParameterizedTest
    @CsvSource({"2026-13", "2026-Q5", "26-03", "2019-05", "2026-3", "''", "2026-Q1; drop"})
    void a_period_that_is_not_one_is_refused_naming_the_field(String key) {
        assertThatThrownBy(() -> CompliancePeriod.parse(key, "period"))
                .isInstanceOf(cn.zhibu.platform.InvalidInputException.class)
                .satisfies(e -> assertThat(((cn.zhibu.platform.InvalidInputException) e).fieldErrors()).containsKey("period"));
    }

    // ---------------------------------------------------------------- proration

    @ParameterizedTest(name = "founded {0}: first month owed {1}")
    @CsvSource({
            "2026-01-20, 2026-02",   // the 20th: 12 days of January, owes nothing for it
            "2026-02-20, 2026-03",   // 9 days of February
            "2026-04-20, 2026-05",   // 11 days of April
            "2026-01-17, 2026-01",   // 15 days of January exactly
            "2026-01-18, 2026-02",   // 14 days
            "2026-02-14, 2026-02",   // 15 days of a 28-day February
            "2026-02-15, 2026-03",
            "2019-06-30, 2020-01",   // counting starts in 2020
            "2026-12-20, 2027-01"})
    void founded_within_a_month_owes_it_only_after_fifteen_days_to_its_last_day(String founded, String firstMonth) {
        assertThat(Proration.firstDueMonth(LocalDate.parse(founded))).isEqualTo(YearMonth.parse(firstMonth));
    }

    @ParameterizedTest(name = "founded {0}: {1} owed {2}")
    @CsvSource({
            "2026-01-20, 2026-01, false",
            "2026-01-20, 2026-02, true",
            "2026-01-20, 2026-Q1, true",    // a branch founded on the 20th owes its first quarter
            "2026-03-20, 2026-Q1, false",   // but not if only 12 days of the quarter are left
            "2026-03-17, 2026-Q1, true",
            "2026-12-20, 2026, false",      // nor the year
            "2026-11-01, 2026, true"})
    void B6_B10_B11_a_branch_founded_on_the_20th_owes_from_the_next_month_and_the_quarter_if_15_days_remain(
            String founded, String period, boolean owed) {
        OrgProfile branch = OrgProfile.of(OrganizationType.BRANCH, LocalDate.parse(founded), null, 0, null);
        CompliancePeriod p = period(period);
        Requirement r = switch (p.type()) {
            case MONTH -> Requirement.THEME_DAY;
            case QUARTER -> Requirement.GENERAL_ASSEMBLY;
            case YEAR -> Requirement.LIFE_MEETING;
        };
        assertThat(branch.owes(r, p)).isEqualTo(owed);
    }

    @ParameterizedTest(name = "dissolved {0}: {1} owed {2}")
    @CsvSource({
            "2026-03-31, 2026-03, false",   // gone on the month's last day: owes nothing for the month
            "2026-03-31, 2026-02, true",
            "2026-03-31, 2026-Q1, false",
            "2026-04-01, 2026-Q1, true",    // still there on 31 March
            "2026-04-01, 2026-04, false",
            "2026-06-15, 2026, false"})
    void dissolved_within_a_period_owes_nothing_for_it(String dissolved, String period, boolean owed) {
        OrgProfile branch = OrgProfile.of(OrganizationType.BRANCH, FOUNDED_LONG_AGO, LocalDate.parse(dissolved), 0, null);
        CompliancePeriod p = period(period);
        Requirement r = p.type() == PeriodType.MONTH ? Requirement.THEME_DAY
                : p.type() == PeriodType.QUARTER ? Requirement.GENERAL_ASSEMBLY : Requirement.APPRAISAL;
        assertThat(branch.owes(r, p)).isEqualTo(owed);
    }

    // ---------------------------------------------------------------- who owes what

    @ParameterizedTest(name = "{0} seats: 支委会 owed {1}")
    @CsvSource({"0, false", "1, false", "2, false", "3, true", "5, true"})
    void B7_committee_meeting_is_not_required_without_a_committee_of_three(int seats, boolean owed) {
        OrgProfile branch = OrgProfile.of(OrganizationType.BRANCH, FOUNDED_LONG_AGO, null, seats, LocalDate.of(2023, 1, 1));
        assertThat(branch.canHold(Requirement.COMMITTEE)).isEqualTo(owed);
        assertThat(branch.owes(Requirement.COMMITTEE, period("2026-05"))).isEqualTo(owed);
        assertThat(status(branch, Requirement.COMMITTEE, "2026-05", List.of(), List.of(), "2026-07-01"))
                .isEqualTo(owed ? ObligationStatus.MISSED : ObligationStatus.NOT_APPLICABLE);
    }

    @ParameterizedTest(name = "first term from {0}: {1} owed {2}")
    @CsvSource({
            "2026-03-20, 2026-03, false",   // a committee elected on the 20th: its first month is the next
            "2026-03-20, 2026-04, true",
            "2026-03-10, 2026-03, true"})
    void B7_committee_meetings_are_owed_from_the_committee_s_first_term_prorated_like_a_founding(String term,
                                                                                                String month,
                                                                                                boolean owed) {
        OrgProfile branch = OrgProfile.of(OrganizationType.BRANCH, FOUNDED_LONG_AGO, null, 3, LocalDate.parse(term));
        assertThat(branch.owes(Requirement.COMMITTEE, period(month))).isEqualTo(owed);
    }

    @Test
    void each_type_of_organization_owes_only_what_applies_to_it() {
        assertThat(requirementsOf(BRANCH)).containsExactly(Requirement.THEME_DAY, Requirement.GENERAL_ASSEMBLY,
                Requirement.BRANCH_LECTURE, Requirement.LIFE_MEETING, Requirement.APPRAISAL);
        assertThat(requirementsOf(BRANCH_WITH_COMMITTEE)).contains(Requirement.COMMITTEE);
        assertThat(requirementsOf(GROUP)).containsExactly(Requirement.GROUP);                        // B8
        assertThat(requirementsOf(PARTY)).containsExactly(Requirement.SECRETARY_LECTURE);            // B9 national
        assertThat(requirementsOf(GENERAL_BRANCH)).isEmpty();          // a 党总支's branches answer for themselves
        assertThat(OrgProfile.of(OrganizationType.JOINT_BRANCH, FOUNDED_LONG_AGO, null, 0, null).cls())
                .isEqualTo(ComplianceClass.BRANCH);
        assertThat(OrgProfile.of(OrganizationType.TEMPORARY_BRANCH, FOUNDED_LONG_AGO, null, 0, null).cls())
                .isEqualTo(ComplianceClass.BRANCH);
    }

    private static List<Requirement> requirementsOf(OrgProfile profile) {
        return java.util.Arrays.stream(Requirement.values()).filter(profile::canHold).toList();
    }

    @ParameterizedTest(name = "{0}: due in {1} → {2}")
    @CsvSource({
            "2026-01, THEME_DAY",
            "2026-02, THEME_DAY",
            "2026-03, THEME_DAY GENERAL_ASSEMBLY BRANCH_LECTURE",
            "2026-12, THEME_DAY GENERAL_ASSEMBLY BRANCH_LECTURE LIFE_MEETING APPRAISAL"})
    void B6_B9_B10_B11_quarterly_requirements_fall_due_in_a_quarter_s_last_month_yearly_ones_in_december(
            String month, String due) {
        assertThat(CompliancePolicy.dueIn(BRANCH, YearMonth.parse(month), true).stream().map(Enum::name).toList())
                .containsExactly(due.split(" "));
    }

    @Test
    void B9_the_local_quarterly_lecture_is_asked_only_while_the_rule_is_on() {
        assertThat(CompliancePolicy.dueIn(BRANCH, YearMonth.of(2026, 3), false)).doesNotContain(Requirement.BRANCH_LECTURE);
        assertThat(CompliancePolicy.status(BRANCH, Requirement.BRANCH_LECTURE, period("2026-Q1"), List.of(), List.of(),
                LocalDate.of(2026, 5, 1), false)).isEqualTo(ObligationStatus.NOT_APPLICABLE);
        assertThat(CompliancePolicy.status(BRANCH, Requirement.BRANCH_LECTURE, period("2026-Q1"), List.of(), List.of(),
                LocalDate.of(2026, 5, 1), true)).isEqualTo(ObligationStatus.MISSED);
        // the national rule: the 党委书记 lectures at least once a year, whatever the local one says
        assertThat(CompliancePolicy.dueIn(PARTY, YearMonth.of(2026, 12), false)).containsExactly(Requirement.SECRETARY_LECTURE);
        assertThat(CompliancePolicy.dueIn(PARTY, YearMonth.of(2026, 11), true)).isEmpty();
    }

    // ---------------------------------------------------------------- standing

    @ParameterizedTest(name = "held {0}, today {1}: {2}")
    @CsvSource({
            "2026-03, 2026-03-31, MET",      // held on the quarter's last day: counts for that quarter
            "2026-04, 2026-04-01, MISSED",   // held in the next quarter: Q1 is missed, not met
            "2026-02, 2026-02-10, MET",
            "'', 2026-03-31, OPEN",          // the last day: still open
            "'', 2026-04-01, MISSED",        // the day after: missed
            "'', 2025-12-31, UPCOMING"})
    void B6_a_general_assembly_is_judged_by_the_quarter_it_was_held_in(String heldIn, String today, String expected) {
        List<HeldMonth> held = heldIn.isEmpty() ? List.of() : List.of(held(MeetingKind.GENERAL_ASSEMBLY, heldIn));
        assertThat(status(BRANCH, Requirement.GENERAL_ASSEMBLY, "2026-Q1", held, List.of(), today))
                .isEqualTo(ObligationStatus.valueOf(expected));
    }

    @Test
    void B6_B11_a_meeting_counted_for_two_kinds_counts_once_for_each() {
        // a 组织生活会 held as a 支部党员大会 in December: both kinds recorded for that month
        List<HeldMonth> held = List.of(held(MeetingKind.GENERAL_ASSEMBLY, "2026-12"), held(MeetingKind.LIFE_MEETING, "2026-12"));
        assertThat(status(BRANCH, Requirement.GENERAL_ASSEMBLY, "2026-Q4", held, List.of(), "2027-01-05"))
                .isEqualTo(ObligationStatus.MET);
        assertThat(status(BRANCH, Requirement.LIFE_MEETING, "2026", held, List.of(), "2027-01-05"))
                .isEqualTo(ObligationStatus.MET);
        assertThat(status(BRANCH, Requirement.APPRAISAL, "2026", held, List.of(), "2027-01-05"))
                .isEqualTo(ObligationStatus.MISSED);
        assertThat(CompliancePolicy.held(held, Requirement.GENERAL_ASSEMBLY, period("2026-Q4"))).isEqualTo(1);
    }

    @Test
    void B10_a_late_record_counts_for_the_month_it_was_held_in() {
        // recorded in May (补录), held in March: March's theme day is met, April's is not
        HeldMonth late = new HeldMonth(MeetingKind.THEME_DAY, YearMonth.of(2026, 3), 1, 20, 15, 1);
        assertThat(status(BRANCH, Requirement.THEME_DAY, "2026-03", List.of(late), List.of(), "2026-05-20"))
                .isEqualTo(ObligationStatus.MET);
        assertThat(status(BRANCH, Requirement.THEME_DAY, "2026-04", List.of(late), List.of(), "2026-05-20"))
                .isEqualTo(ObligationStatus.MISSED);
    }

    @ParameterizedTest(name = "exempted {0} of {1}: {2} {3} → {4}")
    @CsvSource({
            "2026-Q1, THEME_DAY, THEME_DAY, 2026-02, EXEMPT",          // a quarter covers its months
            "2026-Q1, , GENERAL_ASSEMBLY, 2026-Q1, EXEMPT",            // every kind
            "2026-Q1, , LIFE_MEETING, 2026, MISSED",                   // not the year it lies in
            "2026-02, THEME_DAY, THEME_DAY, 2026-03, MISSED",
            "2026-02, GENERAL_ASSEMBLY, THEME_DAY, 2026-02, MISSED",   // another kind
            "2026, LECTURE, BRANCH_LECTURE, 2026-Q3, EXEMPT"})
    void an_exemption_covers_the_periods_lying_within_it(String exempted, String kind, String requirement,
                                                         String period, String expected) {
        Exempted e = new Exempted(kind == null ? null : MeetingKind.valueOf(kind), period(exempted));
        assertThat(status(BRANCH, Requirement.valueOf(requirement), period, List.of(), List.of(e), "2027-02-01"))
                .isEqualTo(ObligationStatus.valueOf(expected));
    }

    @Test
    void held_beats_exempted_and_nothing_is_asked_where_nothing_is_owed() {
        Exempted all = new Exempted(null, period("2026"));
        assertThat(status(BRANCH, Requirement.THEME_DAY, "2026-05", List.of(held(MeetingKind.THEME_DAY, "2026-05")),
                List.of(all), "2026-06-01")).isEqualTo(ObligationStatus.MET);
        assertThat(status(GROUP, Requirement.THEME_DAY, "2026-05", List.of(), List.of(), "2026-06-01"))
                .isEqualTo(ObligationStatus.NOT_APPLICABLE);
    }

    // ---------------------------------------------------------------- facts the roll-up counts

    @Test
    void own_facts_say_per_requirement_met_or_exempted_and_per_month_whether_all_that_fell_due_is_done() {
        List<HeldMonth> held = List.of(held(MeetingKind.THEME_DAY, "2026-01"), held(MeetingKind.THEME_DAY, "2026-02"),
                held(MeetingKind.THEME_DAY, "2026-03"), held(MeetingKind.GENERAL_ASSEMBLY, "2026-02"));
        Set<OwnFact> facts = CompliancePolicy.own(BRANCH, held, List.of(new Exempted(MeetingKind.THEME_DAY, period("2026-04"))),
                List.of(2026));
        assertThat(facts).contains(fact("MET:THEME_DAY", "2026-01"), fact("MET:THEME_DAY", "2026-03"),
                fact("MET:GENERAL_ASSEMBLY", "2026-01"), fact("EXEMPT:THEME_DAY", "2026-04"),
                fact("OK", "2026-01"), fact("OK", "2026-02"), fact("OK", "2026-04"),
                // March: theme day and assembly held, the local quarterly 党课 not: all but the local rule
                fact("OK_NL", "2026-03"));
        assertThat(facts).doesNotContain(fact("OK", "2026-03"), fact("OK", "2026-05"), fact("MET:THEME_DAY", "2026-05"));
        assertThat(facts).allMatch(f -> !f.metric().startsWith("EXEMPT:GENERAL"));
    }

    @Test
    void a_branch_founded_on_the_20th_has_no_facts_for_its_first_month() {
        OrgProfile young = OrgProfile.of(OrganizationType.BRANCH, LocalDate.of(2026, 5, 20), null, 0, null);
        Set<OwnFact> facts = CompliancePolicy.own(young, List.of(held(MeetingKind.THEME_DAY, "2026-05"),
                held(MeetingKind.THEME_DAY, "2026-06")), List.of(), List.of(2026));
        assertThat(facts).containsExactlyInAnyOrder(fact("MET:THEME_DAY", "2026-06"));
        assertThat(young.series()).containsExactly(new OrgProfile.SeriesStep("REQ:BRANCH", YearMonth.of(2026, 6), 1));
    }

    @Test
    void the_series_counts_an_organization_from_its_first_month_owed_to_the_month_it_was_dissolved() {
        OrgProfile dissolved = OrgProfile.of(OrganizationType.BRANCH, LocalDate.of(2024, 3, 1), LocalDate.of(2026, 4, 10),
                4, LocalDate.of(2025, 1, 5));
        assertThat(dissolved.series()).containsExactly(
                new OrgProfile.SeriesStep("REQ:BRANCH", YearMonth.of(2024, 3), 1),
                new OrgProfile.SeriesStep("REQ:BRANCH", YearMonth.of(2026, 4), -1),
                new OrgProfile.SeriesStep("REQ:COMMITTEE", YearMonth.of(2025, 1), 1),
                new OrgProfile.SeriesStep("REQ:COMMITTEE", YearMonth.of(2026, 4), -1));
        // founded and dissolved within one month: never owed anything, counted nowhere
        assertThat(OrgProfile.of(OrganizationType.BRANCH, LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 28), 0, null)
                .series()).isEmpty();
        assertThat(GENERAL_BRANCH.series()).isEmpty();
    }

    private static OwnFact fact(String metric, String month) {
        return new OwnFact(metric, YearMonth.parse(month));
    }
}
