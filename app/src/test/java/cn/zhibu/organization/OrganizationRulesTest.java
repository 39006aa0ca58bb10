package cn.zhibu.organization;

import cn.zhibu.organization.RuleWarning.Severity;
import cn.zhibu.platform.TreePath;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Edge cases of the organization-setting rules B1, B3, B4 and B5 (RULES.md section 3).
 * Pure unit tests: a fixed {@link #TODAY}, records built by hand.
 */
class OrganizationRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final OrganizationRules RULES = new OrganizationRules(6);

    /** A term that produces no B5 warning: 3 years exactly, ending well beyond the 6-month window. */
    static final LocalDate QUIET_TERM_START = LocalDate.of(2025, 6, 1);
    static final LocalDate QUIET_TERM_END = QUIET_TERM_START.plusYears(3);
    /** A secretary with many years of 党龄. */
    static final LocalDate VETERAN = LocalDate.of(2010, 7, 1);

    // ---------------------------------------------------------------- helpers

    static Organization org(OrganizationType type, OrganizationCategory category, Integer coveredUnits) {
        return new Organization(10L, 1L, 1L, new TreePath("/1/10/"), 2, "测试" + type.label(), "测试",
                type, category, "测试单位", coveredUnits, LocalDate.of(2020, 1, 1), 0, true,
                null, null, 0, false);
    }

    static Organization org(OrganizationType type) {
        return org(type, OrganizationCategory.GOVERNMENT, null);
    }

    /** Seats in the usual order; the first is the 书记 when {@code withSecretary}. */
    static List<CommitteeSeat> seats(int n, boolean withSecretary) {
        CommitteePosition[] order = {CommitteePosition.SECRETARY, CommitteePosition.DEPUTY_SECRETARY,
                CommitteePosition.ORGANIZATION, CommitteePosition.PROPAGANDA, CommitteePosition.DISCIPLINE,
                CommitteePosition.YOUTH, CommitteePosition.WOMEN, CommitteePosition.MEMBER, CommitteePosition.MEMBER,
                CommitteePosition.MEMBER};
        List<CommitteeSeat> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CommitteePosition p = order[withSecretary ? i : i + 1];
            list.add(new CommitteeSeat(100L + i, p, 200L + i, "委员" + i, i));
        }
        return list;
    }

    static Committee committee(LocalDate start, LocalDate end, List<CommitteeSeat> seats) {
        return new Committee(10L, 77L, start, end, seats);
    }

    static Committee committee(int seatCount) {
        return committee(QUIET_TERM_START, QUIET_TERM_END, seats(seatCount, seatCount > 0));
    }

    static OrganizationFacts facts(Organization org, int full, int all, Committee c) {
        return new OrganizationFacts(org, full, all, c, VETERAN, false);
    }

    static OrganizationFacts facts(Organization org, int full, int all, Committee c, LocalDate secretaryFullSince,
                                   boolean probationary) {
        return new OrganizationFacts(org, full, all, c, secretaryFullSince, probationary);
    }

    /** A branch with everything in order except what a test changes: 3 seats, a veteran secretary. */
    static OrganizationFacts quietBranch(OrganizationType type, int full, int all) {
        return facts(org(type), full, all, committee(3));
    }

    static List<RuleWarning> warnings(OrganizationFacts f, String ruleId) {
        return RULES.check(f, TODAY).stream().filter(w -> w.ruleId().equals(ruleId)).toList();
    }

    static List<RuleWarning> warnings(OrganizationFacts f, String ruleId, LocalDate today) {
        return RULES.check(f, today).stream().filter(w -> w.ruleId().equals(ruleId)).toList();
    }

    static void assertSingle(List<RuleWarning> ws, String ruleId, Severity severity, String messagePart) {
        assertThat(ws).hasSize(1);
        assertThat(ws.get(0).ruleId()).isEqualTo(ruleId);
        assertThat(ws.get(0).severity()).isEqualTo(severity);
        assertThat(ws.get(0).message()).contains(messagePart);
    }

    // ---------------------------------------------------------------- general

    @Test
    void baseline_branch_in_order_has_no_warnings_at_all() {
        assertThat(RULES.check(quietBranch(OrganizationType.BRANCH, 7, 9), TODAY)).isEmpty();
    }

    @Test
    void inactive_organization_is_not_checked() {
        Organization o = org(OrganizationType.BRANCH);
        Organization dissolved = new Organization(o.id(), o.parentId(), o.rootId(), o.path(), o.depth(), o.name(),
                o.shortName(), o.type(), o.category(), o.unitName(), o.coveredUnits(), o.establishedOn(),
                o.sortOrder(), false, LocalDate.of(2025, 1, 1), "撤销", o.version(), o.hasChildren());
        OrganizationFacts f = facts(dissolved, 1, 120, committee(LocalDate.of(2010, 1, 1),
                LocalDate.of(2020, 1, 1), seats(9, false)), null, true);
        assertThat(RULES.check(f, TODAY)).isEmpty();
    }

    // ---------------------------------------------------------------- B1

    @Nested
    class B1_branches {

        @ParameterizedTest(name = "{0} full + {1} probationary")
        @CsvSource({"0, 0", "1, 0", "2, 0", "2, 5"})
        void B1_branch_with_2_full_members_violates(int full, int probationary) {
            List<RuleWarning> b1 = warnings(quietBranch(OrganizationType.BRANCH, full, full + probationary), "B1");
            assertSingle(b1, "B1", Severity.VIOLATION, "不足3人");
        }

        @ParameterizedTest(name = "{0} full members")
        @CsvSource({"3", "4", "50"})
        void B1_branch_with_3_full_members_is_fine(int full) {
            assertThat(warnings(quietBranch(OrganizationType.BRANCH, full, full), "B1")).isEmpty();
        }

        @ParameterizedTest(name = "{0} with 2 full members")
        @CsvSource({"JOINT_BRANCH", "TEMPORARY_BRANCH", "GENERAL_BRANCH", "BASE_COMMITTEE"})
        void B1_fewer_than_3_full_members_is_not_a_violation_outside_ordinary_branches(OrganizationType type) {
            assertThat(warnings(facts(org(type), 2, 2, committee(1)), "B1")).isEmpty();
        }

        @ParameterizedTest(name = "{0}: {1} members -> warns={2}")
        @CsvSource({
                "BRANCH,           50, false",
                "BRANCH,           51, true",
                "JOINT_BRANCH,     50, false",
                "JOINT_BRANCH,     51, true",
                "TEMPORARY_BRANCH, 50, false",
                "TEMPORARY_BRANCH, 51, true",
        })
        void B1_50_members_fine_51_warns(OrganizationType type, int all, boolean warns) {
            List<RuleWarning> b1 = warnings(quietBranch(type, 10, all), "B1");
            if (warns) {
                assertSingle(b1, "B1", Severity.ATTENTION, "超过50人");
            } else {
                assertThat(b1).isEmpty();
            }
        }

        @Test
        void B1_counts_probationary_members_towards_the_50_limit() {
            // 40 full + 11 probationary = 51 members
            assertSingle(warnings(quietBranch(OrganizationType.BRANCH, 40, 51), "B1"),
                    "B1", Severity.ATTENTION, "超过50人");
        }

        @ParameterizedTest(name = "general branch / committee with {0} members has no B1 size warning")
        @CsvSource({"GENERAL_BRANCH, 51", "BASE_COMMITTEE, 500"})
        void B1_50_member_limit_applies_to_branches_only(OrganizationType type, int all) {
            assertThat(warnings(facts(org(type), all, all, committee(5)), "B1")).isEmpty();
        }

        @ParameterizedTest(name = "joint branch covering {0} units -> warns={1}")
        @CsvSource({"1, false", "5, false", "6, true", "20, true"})
        void B1_joint_branch_5_units_fine_6_warns(int units, boolean warns) {
            Organization joint = org(OrganizationType.JOINT_BRANCH, OrganizationCategory.PRIVATE_ENTERPRISE, units);
            List<RuleWarning> b1 = warnings(facts(joint, 4, 4, committee(1)), "B1");
            if (warns) {
                assertSingle(b1, "B1", Severity.ATTENTION, "覆盖" + units + "个单位");
            } else {
                assertThat(b1).isEmpty();
            }
        }

        @Test
        void B1_joint_branch_without_covered_units_recorded_is_not_warned() {
            Organization joint = org(OrganizationType.JOINT_BRANCH, OrganizationCategory.PRIVATE_ENTERPRISE, null);
            assertThat(warnings(facts(joint, 4, 4, committee(1)), "B1")).isEmpty();
        }

        @Test
        void B1_covered_units_limit_applies_to_joint_branches_only() {
            Organization branch = org(OrganizationType.BRANCH, OrganizationCategory.ENTERPRISE, 6);
            assertThat(warnings(facts(branch, 4, 4, committee(1)), "B1")).isEmpty();
        }
    }

    // ---------------------------------------------------------------- B3

    @Nested
    class B3_larger_bodies {

        @ParameterizedTest(name = "{0} with {1} members -> hint ''{2}''")
        @CsvSource({
                // branch: 50 ok, 51..99 -> 总支, >= 100 -> 基层党委
                "BRANCH,           3,   ''",
                "BRANCH,           50,  ''",
                "BRANCH,           51,  总支部委员会",
                "BRANCH,           99,  总支部委员会",
                "BRANCH,           100, 基层委员会",
                "BRANCH,           101, 基层委员会",
                "JOINT_BRANCH,     51,  总支部委员会",
                "TEMPORARY_BRANCH, 100, 基层委员会",
                // general branch: < 50 -> 一般设支部; 50..99 ok; >= 100 -> 基层党委
                "GENERAL_BRANCH,   10,  不足50人",
                "GENERAL_BRANCH,   49,  不足50人",
                "GENERAL_BRANCH,   50,  ''",
                "GENERAL_BRANCH,   99,  ''",
                "GENERAL_BRANCH,   100, 基层委员会",
                // base committee: < 100 -> 一般不设; >= 100 ok
                "BASE_COMMITTEE,   99,  不足100人",
                "BASE_COMMITTEE,   100, ''",
                "BASE_COMMITTEE,   5000, ''",
        })
        void B3_member_count_thresholds(OrganizationType type, int all, String hint) {
            List<RuleWarning> b3 = warnings(facts(org(type), all, all, committee(5)), "B3");
            if (hint.isEmpty()) {
                assertThat(b3).isEmpty();
            } else {
                assertSingle(b3, "B3", Severity.ATTENTION, hint);
            }
        }

        @ParameterizedTest(name = "branch 50 vs 51 ({0})")
        @CsvSource({"50, false", "51, true"})
        void B3_branch_50_fine_51_hints_general_branch(int all, boolean hints) {
            List<RuleWarning> b3 = warnings(quietBranch(OrganizationType.BRANCH, 7, all), "B3");
            assertThat(b3).hasSize(hints ? 1 : 0);
            if (hints) {
                assertThat(b3.get(0).message()).contains("总支部").doesNotContain("基层委员会");
            }
        }

        @ParameterizedTest(name = "branch 99 vs 100 ({0})")
        @CsvSource({"99, 总支部委员会", "100, 基层委员会"})
        void B3_branch_99_hints_general_branch_100_hints_base_committee(int all, String hint) {
            assertSingle(warnings(quietBranch(OrganizationType.BRANCH, 7, all), "B3"), "B3", Severity.ATTENTION, hint);
        }

        @ParameterizedTest(name = "{0} is outside B3")
        @CsvSource({"LOCAL_COMMITTEE", "WORKING_COMMITTEE", "GROUP"})
        void B3_does_not_apply_to_other_types(OrganizationType type) {
            assertThat(warnings(facts(org(type), 5, 5, committee(5)), "B3")).isEmpty();
        }
    }

    // ---------------------------------------------------------------- B4

    @Nested
    class B4_branch_committee {

        @ParameterizedTest(name = "{0} full members, no committee -> violation={1}")
        @CsvSource({"1, false", "6, false", "7, true", "30, true"})
        void B4_6_full_members_need_no_committee_7_do(int full, boolean violates) {
            OrganizationFacts f = facts(org(OrganizationType.BRANCH), full, full + 3, Committee.none(10L),
                    null, false);
            List<RuleWarning> b4 = warnings(f, "B4");
            if (violates) {
                assertSingle(b4, "B4", Severity.VIOLATION, "应当设立支部委员会");
            } else {
                assertThat(b4).isEmpty();
            }
        }

        @Test
        void B4_6_full_plus_probationary_members_still_need_no_committee() {
            // only 正式党员 count: 6 full + 10 probationary
            OrganizationFacts f = facts(org(OrganizationType.BRANCH), 6, 16, Committee.none(10L), null, false);
            assertThat(warnings(f, "B4")).isEmpty();
        }

        @Test
        void B4_committee_registered_without_seats_counts_as_missing() {
            OrganizationFacts f = facts(org(OrganizationType.BRANCH), 7, 7, committee(0), null, false);
            assertSingle(warnings(f, "B4"), "B4", Severity.VIOLATION, "未登记支委会");
        }

        @ParameterizedTest(name = "7+ full members, committee of {0} -> {1}")
        @CsvSource({
                "1, ATTENTION",
                "2, ATTENTION",
                "3, ",
                "4, ",
                "5, ",
                "6, ATTENTION",
                "7, ATTENTION",
                "8, VIOLATION",
                "9, VIOLATION",
        })
        void B4_committee_size_with_7_or_more_full_members(int seatCount, Severity expected) {
            for (int full : new int[]{7, 40}) {
                List<RuleWarning> b4 = warnings(facts(org(OrganizationType.BRANCH), full, full, committee(seatCount)),
                        "B4");
                if (expected == null) {
                    assertThat(b4).as("%d full, %d seats", full, seatCount).isEmpty();
                } else {
                    assertThat(b4).as("%d full, %d seats", full, seatCount).hasSize(1);
                    assertThat(b4.get(0).ruleId()).isEqualTo("B4");
                    assertThat(b4.get(0).severity()).isEqualTo(expected);
                    assertThat(b4.get(0).message()).contains("支委会" + seatCount + "人");
                }
            }
        }

        @ParameterizedTest(name = "{0} full members, {1} seats -> warns={2}")
        @CsvSource({
                "6, 1, false",
                "6, 2, false",
                "6, 3, true",
                "3, 2, false",
                "3, 3, true",
                "3, 5, true",
        })
        void B4_fewer_than_7_full_members_2_seats_fine_3_warn(int full, int seatCount, boolean warns) {
            List<RuleWarning> b4 = warnings(facts(org(OrganizationType.BRANCH), full, full, committee(seatCount)),
                    "B4");
            if (warns) {
                assertSingle(b4, "B4", Severity.ATTENTION, "现有班子" + seatCount + "人");
            } else {
                assertThat(b4).isEmpty();
            }
        }

        @ParameterizedTest(name = "{0} is outside B4")
        @CsvSource({"GENERAL_BRANCH", "BASE_COMMITTEE"})
        void B4_does_not_apply_to_general_branches_and_committees(OrganizationType type) {
            assertThat(warnings(facts(org(type), 80, 80, Committee.none(10L), null, false), "B4")).isEmpty();
            assertThat(warnings(facts(org(type), 80, 80, committee(9)), "B4")).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"JOINT_BRANCH", "TEMPORARY_BRANCH"})
        void B4_applies_to_joint_and_temporary_branches(OrganizationType type) {
            OrganizationFacts f = facts(org(type), 7, 7, Committee.none(10L), null, false);
            assertSingle(warnings(f, "B4"), "B4", Severity.VIOLATION, "应当设立支部委员会");
        }
    }

    // ---------------------------------------------------------------- B5

    @Nested
    class B5_terms {

        OrganizationFacts withTerm(LocalDate start, LocalDate end) {
            return facts(org(OrganizationType.BRANCH), 7, 7, committee(start, end, seats(3, true)));
        }

        @Test
        void B5_quiet_baseline_has_no_B5_warning() {
            assertThat(warnings(withTerm(QUIET_TERM_START, QUIET_TERM_END), "B5")).isEmpty();
        }

        @Test
        void B5_term_ending_today_is_not_expired_but_warns_to_prepare() {
            List<RuleWarning> b5 = warnings(withTerm(TODAY.minusYears(3), TODAY), "B5");
            assertThat(b5).noneMatch(RuleWarning::isViolation);
            assertSingle(b5, "B5", Severity.ATTENTION, "将于" + TODAY + "届满");
        }

        @Test
        void B5_term_ended_yesterday_is_expired() {
            LocalDate yesterday = TODAY.minusDays(1);
            List<RuleWarning> b5 = warnings(withTerm(yesterday.minusYears(3), yesterday), "B5");
            assertSingle(b5, "B5", Severity.VIOLATION, "已于" + yesterday + "届满");
        }

        @Test
        void B5_term_ended_years_ago_is_one_violation_only() {
            List<RuleWarning> b5 = warnings(withTerm(LocalDate.of(2018, 1, 1), LocalDate.of(2021, 1, 1)), "B5");
            assertSingle(b5, "B5", Severity.VIOLATION, "应按期换届");
        }

        static Stream<Arguments> warningWindowEdges() {
            LocalDate monthEnd = LocalDate.of(2026, 8, 31); // + 6 months = 2027-02-28 (clamped)
            return Stream.of(
                    arguments(TODAY, TODAY.plusDays(1), true),
                    arguments(TODAY, TODAY.plusMonths(6).minusDays(1), true),
                    arguments(TODAY, TODAY.plusMonths(6), true),                 // 2027-05-23
                    arguments(TODAY, TODAY.plusMonths(6).plusDays(1), false),    // 2027-05-24
                    arguments(TODAY, TODAY.plusYears(1), false),
                    arguments(monthEnd, LocalDate.of(2027, 2, 28), true),
                    arguments(monthEnd, LocalDate.of(2027, 3, 1), false));
        }

        @ParameterizedTest(name = "today {0}, term ends {1} -> warns={2}")
        @MethodSource("warningWindowEdges")
        void B5_term_ending_exactly_6_months_from_today_warns_one_day_later_does_not(
                LocalDate today, LocalDate termEnd, boolean warns) {
            List<RuleWarning> b5 = warnings(withTerm(termEnd.minusYears(3), termEnd), "B5", today);
            if (warns) {
                assertSingle(b5, "B5", Severity.ATTENTION, "将于" + termEnd + "届满");
            } else {
                assertThat(b5).isEmpty();
            }
        }

        @ParameterizedTest(name = "window {0} months, term ends today+{1} months -> warns={2}")
        @CsvSource({"3, 3, true", "3, 4, false", "12, 12, true", "12, 13, false"})
        void B5_warning_window_is_configurable(int windowMonths, int monthsAhead, boolean warns) {
            LocalDate end = TODAY.plusMonths(monthsAhead);
            List<RuleWarning> b5 = new OrganizationRules(windowMonths)
                    .check(withTerm(end.minusYears(3), end), TODAY).stream()
                    .filter(w -> w.ruleId().equals("B5")).toList();
            assertThat(b5).hasSize(warns ? 1 : 0);
        }

        @ParameterizedTest(name = "secretary full member since {0} -> warns={1}")
        @CsvSource({
                "2025-11-23, false", // exactly 1 year ago
                "2025-11-22, false",
                "2025-11-24, true",  // 1 year minus 1 day
                "2026-11-23, true",  // converted today
                "2010-07-01, false",
        })
        void B5_secretary_converted_exactly_1_year_ago_is_fine_1_day_less_warns(LocalDate fullSince, boolean warns) {
            OrganizationFacts f = facts(org(OrganizationType.BRANCH), 7, 7, committee(3), fullSince, false);
            List<RuleWarning> b5 = warnings(f, "B5");
            if (warns) {
                assertSingle(b5, "B5", Severity.ATTENTION, "党龄不足1年");
            } else {
                assertThat(b5).isEmpty();
            }
        }

        @Test
        void B5_probationary_secretary_warns() {
            OrganizationFacts f = facts(org(OrganizationType.BRANCH), 7, 8, committee(3), null, true);
            assertSingle(warnings(f, "B5"), "B5", Severity.ATTENTION, "党龄不足1年");
        }

        @Test
        void B5_secretary_not_on_roster_is_not_judged() {
            OrganizationFacts f = facts(org(OrganizationType.BRANCH), 7, 7, committee(3), null, false);
            assertThat(warnings(f, "B5")).isEmpty();
        }

        @Test
        void B5_no_secretary_warns() {
            OrganizationFacts f = facts(org(OrganizationType.BRANCH), 7, 7,
                    committee(QUIET_TERM_START, QUIET_TERM_END, seats(3, false)), null, false);
            assertSingle(warnings(f, "B5"), "B5", Severity.ATTENTION, "未登记书记");
        }

        @Test
        void B5_secretary_checks_apply_to_branches_only() {
            OrganizationFacts f = facts(org(OrganizationType.BASE_COMMITTEE), 200, 200,
                    committee(QUIET_TERM_START, QUIET_TERM_START.plusYears(5), seats(7, false)), null, true);
            assertThat(warnings(f, "B5")).isEmpty();
        }

        @Test
        void B5_no_committee_no_term_warnings() {
            OrganizationFacts f = facts(org(OrganizationType.BRANCH), 3, 3, Committee.none(10L), null, true);
            assertThat(warnings(f, "B5")).isEmpty();
        }

        static Stream<Arguments> termLengths() {
            LocalDate s = QUIET_TERM_START; // 2025-06-01; every end is far beyond the warning window
            return Stream.of(
                    // others (机关 etc.): generally 3 years
                    arguments(OrganizationType.BRANCH, OrganizationCategory.GOVERNMENT, s.plusYears(3).minusDays(1), 0),
                    arguments(OrganizationType.BRANCH, OrganizationCategory.GOVERNMENT, s.plusYears(3), 0),
                    arguments(OrganizationType.BRANCH, OrganizationCategory.GOVERNMENT, s.plusYears(3).plusDays(1), 3),
                    arguments(OrganizationType.BRANCH, OrganizationCategory.GOVERNMENT, s.plusYears(5), 3),
                    arguments(OrganizationType.GENERAL_BRANCH, OrganizationCategory.GOVERNMENT, s.plusYears(3), 0),
                    arguments(OrganizationType.GENERAL_BRANCH, OrganizationCategory.GOVERNMENT, s.plusYears(5), 3),
                    arguments(OrganizationType.BRANCH, OrganizationCategory.ENTERPRISE, s.plusYears(5), 3),
                    arguments(OrganizationType.BRANCH, OrganizationCategory.SCHOOL, s.plusYears(4), 3),
                    // village and community branches: 5 years
                    arguments(OrganizationType.BRANCH, OrganizationCategory.RURAL, s.plusYears(5), 0),
                    arguments(OrganizationType.BRANCH, OrganizationCategory.RURAL, s.plusYears(5).plusDays(1), 5),
                    arguments(OrganizationType.BRANCH, OrganizationCategory.COMMUNITY, s.plusYears(5), 0),
                    arguments(OrganizationType.BRANCH, OrganizationCategory.COMMUNITY, s.plusYears(5).plusDays(1), 5),
                    // base committees: 5 years whatever the category
                    arguments(OrganizationType.BASE_COMMITTEE, OrganizationCategory.GOVERNMENT, s.plusYears(5), 0),
                    arguments(OrganizationType.BASE_COMMITTEE, OrganizationCategory.ENTERPRISE, s.plusYears(5), 0),
                    arguments(OrganizationType.BASE_COMMITTEE, OrganizationCategory.ENTERPRISE,
                            s.plusYears(5).plusDays(1), 5));
        }

        @ParameterizedTest(name = "{0} {1} term to {2} -> too long for max {3} (0 = fine)")
        @MethodSource("termLengths")
        void B5_term_longer_than_allowed_warns(OrganizationType type, OrganizationCategory category, LocalDate end,
                                               int warnedMax) {
            int members = type == OrganizationType.BASE_COMMITTEE ? 150 : 7;
            OrganizationFacts f = facts(org(type, category, null), members, members,
                    committee(QUIET_TERM_START, end, seats(5, true)));
            List<RuleWarning> b5 = warnings(f, "B5");
            if (warnedMax == 0) {
                assertThat(b5).isEmpty();
            } else {
                assertSingle(b5, "B5", Severity.ATTENTION, "任期长于" + warnedMax + "年");
            }
        }

        @ParameterizedTest(name = "{0} {1} -> {2} years")
        @CsvSource({
                "BRANCH,           GOVERNMENT, 3",
                "BRANCH,           ENTERPRISE, 3",
                "BRANCH,           RURAL,      5",
                "BRANCH,           COMMUNITY,  5",
                "JOINT_BRANCH,     COMMUNITY,  5",
                "GENERAL_BRANCH,   GOVERNMENT, 3",
                "BASE_COMMITTEE,   GOVERNMENT, 5",
                "BASE_COMMITTEE,   SCHOOL,     5",
        })
        void B5_max_term_years(OrganizationType type, OrganizationCategory category, int years) {
            assertThat(OrganizationRules.maxTermYears(org(type, category, null))).isEqualTo(years);
        }
    }
}
