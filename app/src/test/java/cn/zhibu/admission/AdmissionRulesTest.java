package cn.zhibu.admission;

import cn.zhibu.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.zhibu.admission.AdmissionStep.*;
import static cn.zhibu.admission.History.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RULES.md §1 at its edges, as pure functions over a recorded history. */
class AdmissionRulesTest {

    static final LocalDate APPLIED = LocalDate.of(2024, 1, 10);
    static final LocalDate CHOSEN = LocalDate.of(2024, 3, 10);
    static final LocalDate MEETING = LocalDate.of(2025, 4, 10);

    private static String errors(AdmissionRules.Verdict v) {
        try {
            v.errors().throwIfAny();
            return "";
        } catch (InvalidInputException e) {
            return String.join("；", e.messages());
        }
    }

    @Test
    void D2_seventeen_years_364_days_is_refused_eighteen_accepted() {
        LocalDate birth = LocalDate.of(2006, 5, 20);
        assertThat(AdmissionRules.ageProblem(birth, LocalDate.of(2024, 5, 19)))
                .hasValueSatisfying(p -> assertThat(p).contains("未满十八周岁").contains("第五条"));
        assertThat(AdmissionRules.ageProblem(birth, LocalDate.of(2024, 5, 20))).isEmpty();
    }

    @Test
    void D2_born_on_29_february_is_eighteen_on_28_february() {
        LocalDate birth = LocalDate.of(2004, 2, 29);
        assertThat(AdmissionRules.ageProblem(birth, LocalDate.of(2022, 2, 27))).isPresent();
        assertThat(AdmissionRules.ageProblem(birth, LocalDate.of(2022, 2, 28))).isEmpty();
    }

    @Test
    void D1_steps_follow_the_order_and_say_what_is_missing() {
        History h = applied(APPLIED);
        AdmissionRules.Verdict v = h.check(new StepForm(ACTIVIST_CHOSEN, APPLIED.plusDays(5), null, null, null,
                RecommendationMethod.MEMBERS, DecidingBody.COMMITTEE, null, null, null, null, null, null, null, null,
                null, null, null));
        assertThat(errors(v)).contains("须先完成：第2步 党组织派人谈话");
        assertThat(h.flow().available()).containsExactly(FIRST_TALK);
    }

    @Test
    void D1_a_step_cannot_be_dated_before_the_one_it_follows_nor_in_the_future() {
        History h = applied(APPLIED);
        assertThat(errors(h.check(step(FIRST_TALK, APPLIED.minusDays(1))))).contains("不能早于前一步骤的日期（2024-01-10）");
        assertThat(errors(h.check(step(FIRST_TALK, TODAY.plusDays(1))))).contains("不能晚于今天");
    }

    @Test
    void D3_a_talk_a_day_after_one_month_warns_but_is_recorded() {
        History h = applied(APPLIED);
        AdmissionRules.Verdict onTime = h.check(step(FIRST_TALK, APPLIED.plusMonths(1)));
        assertThat(onTime.errors().isEmpty()).isTrue();
        assertThat(onTime.warnings()).isEmpty();
        AdmissionRules.Verdict late = h.check(step(FIRST_TALK, APPLIED.plusMonths(1).plusDays(1)));
        assertThat(late.errors().isEmpty()).isTrue();
        assertThat(late.warnings()).singleElement().asString().contains("第七条");
        assertThat(h.flow().dated(FIRST_TALK, h.rules).date()).isEqualTo(LocalDate.of(2024, 2, 10));
    }

    @Test
    void D3_a_talker_who_is_not_secretary_deputy_or_organization_member_on_record_warns() {
        History h = applied(APPLIED);
        AdmissionRules.Facts committee = new AdmissionRules.Facts(Map.of(), Optional.empty(), true,
                java.util.Set.of("王书记", "李组织"));
        StepForm byClerk = StepForm.simple(FIRST_TALK, APPLIED.plusDays(3), "张干事", null);
        assertThat(h.check(byClerk, committee).warnings()).singleElement().asString().contains("王书记");
        assertThat(h.check(StepForm.simple(FIRST_TALK, APPLIED.plusDays(3), "李组织", null), committee).warnings())
                .isEmpty();
        assertThat(h.check(byClerk).warnings()).as("no committee on record: nothing to compare").isEmpty();
    }

    @Test
    void D4_one_or_two_full_members_as_contacts() {
        History h = applied(APPLIED).add(step(FIRST_TALK, APPLIED.plusDays(3)))
                .add(new StepForm(ACTIVIST_CHOSEN, CHOSEN, null, null, null, RecommendationMethod.MASS_ORGANIZATION,
                        DecidingBody.MEETING, null, null, null, null, null, null, null, null, null, null, null));
        StepForm contacts = step(CONTACTS_ASSIGNED, CHOSEN);
        assertThat(errors(h.check(contacts.withMembers(List.of())))).contains("须为1至2名正式党员，现为0名");
        assertThat(errors(h.check(contacts.withMembers(List.of(1L, 2L, 4L))))).contains("现为3名");
        assertThat(errors(h.check(contacts.withMembers(List.of(3L))))).contains("丙是预备党员");
        assertThat(errors(h.check(contacts.withMembers(List.of(1L))))).isEmpty();
        assertThat(errors(h.check(contacts.withMembers(List.of(1L, 2L))))).isEmpty();
    }

    @Test
    void D4_local_minimum_wait_before_an_activist_none_by_default_three_months_when_configured() {
        StepForm early = new StepForm(ACTIVIST_CHOSEN, APPLIED.plusMonths(3).minusDays(1), null, null, null,
                RecommendationMethod.MEMBERS, DecidingBody.COMMITTEE, null, null, null, null, null, null, null, null,
                null, null, null);
        History national = applied(APPLIED).add(step(FIRST_TALK, APPLIED.plusDays(3)));
        assertThat(errors(national.check(early))).isEmpty();
        History local = new History(RuleSets.of(null, 3), APPLIED).add(step(FIRST_TALK, APPLIED.plusDays(3)));
        assertThat(errors(local.check(early))).contains("满3个月后方可确定为入党积极分子");
        StepForm onTime = new StepForm(ACTIVIST_CHOSEN, APPLIED.plusMonths(3), null, null, null,
                RecommendationMethod.MEMBERS, DecidingBody.COMMITTEE, null, null, null, null, null, null, null, null,
                null, null, null);
        assertThat(errors(local.check(onTime))).isEmpty();
    }

    @Test
    void D4_activist_chosen_needs_how_and_by_whom() {
        History h = applied(APPLIED).add(step(FIRST_TALK, APPLIED.plusDays(3)));
        assertThat(errors(h.check(step(ACTIVIST_CHOSEN, CHOSEN)))).contains("党员推荐或群团组织推优").contains("支部委员会");
    }

    @Test
    void D4_a_branch_without_a_committee_decides_by_its_meeting_a_warning_otherwise() {
        History h = applied(APPLIED).add(step(FIRST_TALK, APPLIED.plusDays(3)));
        StepForm byCommittee = new StepForm(ACTIVIST_CHOSEN, CHOSEN, null, null, null, RecommendationMethod.MEMBERS,
                DecidingBody.COMMITTEE, null, null, null, null, null, null, null, null, null, null, null);
        AdmissionRules.Facts noCommittee = new AdmissionRules.Facts(Map.of(), Optional.empty(), false, java.util.Set.of());
        assertThat(h.check(byCommittee, noCommittee).warnings()).singleElement().asString().contains("支部党员大会决定");
        assertThat(h.check(byCommittee).warnings()).isEmpty();
        StepForm byMeeting = new StepForm(ACTIVIST_CHOSEN, CHOSEN, null, null, null, RecommendationMethod.MEMBERS,
                DecidingBody.MEETING, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(h.check(byMeeting, noCommittee).warnings()).isEmpty();
    }

    @Test
    void D4_reviews_every_six_months_warn_when_late_and_are_reminded() {
        History h = activist(APPLIED, CHOSEN);
        LocalDate due = CHOSEN.plusMonths(12);
        assertThat(h.flow().reviewDue()).contains(due);
        assertThat(h.check(step(ACTIVIST_REVIEW, due)).warnings()).isEmpty();
        assertThat(h.check(step(ACTIVIST_REVIEW, due.plusDays(1))).warnings()).singleElement().asString()
                .contains("超过半年");
        assertThat(h.flow().deadlines(h.rules)).extracting(NextStep::step).contains(ACTIVIST_REVIEW);
    }

    private static StepForm target(LocalDate on) {
        return new StepForm(TARGET_CHOSEN, on, null, null, null, null, DecidingBody.COMMITTEE, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    @Test
    void D5_one_year_as_an_activist_a_day_short_is_refused() {
        History h = activist(APPLIED, CHOSEN);
        assertThat(errors(h.check(target(CHOSEN.plusYears(1).minusDays(1)))))
                .contains("距确定为入党积极分子（2024-03-10）未满一年（《发展党员工作细则》第十三条）");
        assertThat(errors(h.check(target(CHOSEN.plusYears(1))))).isEmpty();
        NextStep next = h.flow().next(h.rules).orElseThrow();
        assertThat(next.step()).isEqualTo(TARGET_CHOSEN);
        assertThat(next.earliest()).isTrue();
        assertThat(next.date()).isEqualTo(CHOSEN.plusYears(1));
    }

    @Test
    void D5_the_2026_rules_need_five_working_days_of_publicity_on_a_dated_case() {
        LocalDate applied = LocalDate.of(2025, 1, 6);
        LocalDate chosen = LocalDate.of(2025, 3, 3);
        LocalDate targetOn = LocalDate.of(2026, 6, 1);
        StepForm form = new StepForm(TARGET_CHOSEN, targetOn, null, null, null, null, DecidingBody.COMMITTEE, null,
                null, null, null, null, null, null, null, null, null, 7L);
        History under2014 = activist(applied, chosen);
        assertThat(errors(under2014.check(form))).isEmpty();

        History under2026 = new History(RuleSets.of(LocalDate.of(2026, 5, 1)), applied);
        for (StepRecord r : activist(applied, chosen).steps.subList(1, 6)) {
            under2026.add(r.form());
        }
        assertThat(errors(under2026.check(form))).contains("公示不少于5个工作日").contains("2026年修订");
        AdmissionRules.Facts ended = new AdmissionRules.Facts(Map.of(),
                Optional.of(new AdmissionRules.Publicity(LocalDate.of(2026, 5, 25), LocalDate.of(2026, 5, 29), 5, false)));
        assertThat(errors(under2026.check(form, ended))).isEmpty();
        AdmissionRules.Facts endsThatDay = new AdmissionRules.Facts(Map.of(),
                Optional.of(new AdmissionRules.Publicity(LocalDate.of(2026, 5, 26), LocalDate.of(2026, 6, 1), 5, false)));
        assertThat(errors(under2026.check(form, endsThatDay))).contains("公示期至2026-06-01结束");
        AdmissionRules.Facts fourDays = new AdmissionRules.Facts(Map.of(),
                Optional.of(new AdmissionRules.Publicity(LocalDate.of(2026, 5, 25), LocalDate.of(2026, 5, 28), 4, false)));
        assertThat(errors(under2026.check(form, fourDays))).contains("公示期为4个工作日");
        // the same case decided before the revision took effect is judged by 2014
        StepForm earlier = new StepForm(TARGET_CHOSEN, LocalDate.of(2026, 4, 30), null, null, null, null,
                DecidingBody.COMMITTEE, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(errors(under2026.check(earlier))).isEmpty();
    }

    @Test
    void D5_the_publicity_is_required_by_the_rule_set_of_the_target_decisions_earliest_day_or_today() {
        LocalDate applied = LocalDate.of(2025, 1, 6);
        LocalDate chosen = LocalDate.of(2025, 3, 3);
        RuleSets from2026 = RuleSets.of(LocalDate.of(2026, 5, 1));
        AdmissionFlow flow = activist(applied, chosen).flow();
        // the 2014 rules only: never a 公示, whatever the day
        assertThat(flow.targetRuleSet(RuleSets.of(null), LocalDate.of(2030, 1, 1))).isEqualTo(RuleSet.V2014);
        // earliest day (2026-03-03) under 2014 and today too: no 公示 offered
        assertThat(flow.targetRuleSet(from2026, LocalDate.of(2026, 1, 10))).isEqualTo(RuleSet.V2014);
        assertThat(flow.targetRuleSet(from2026, LocalDate.of(2026, 4, 30))).isEqualTo(RuleSet.V2014);
        // from the revision's first day the decision is judged by 2026, so the 公示 is needed
        assertThat(flow.targetRuleSet(from2026, LocalDate.of(2026, 5, 1))).isEqualTo(RuleSet.V2026);
        // an activist whose year ends after the revision needs it even while 2014 still applies today
        AdmissionFlow later = activist(applied, LocalDate.of(2025, 6, 2)).flow();
        assertThat(later.targetRuleSet(from2026, LocalDate.of(2026, 1, 10))).isEqualTo(RuleSet.V2026);
    }

    private History target() {
        History h = activist(APPLIED, CHOSEN);
        return h.add(target(CHOSEN.plusYears(1)));
    }

    @Test
    void D6_exactly_two_full_members_as_sponsors() {
        History h = target();
        StepForm sponsors = step(SPONSORS, CHOSEN.plusYears(1));
        assertThat(errors(h.check(sponsors.withMembers(List.of(1L))))).contains("须为2名正式党员，现为1名").contains("第十五条");
        assertThat(errors(h.check(sponsors.withMembers(List.of(1L, 3L))))).contains("丙是预备党员，不能担任入党介绍人");
        assertThat(errors(h.check(sponsors.withMembers(List.of(1L, 4L))))).contains("丁正在留党察看期间");
        assertThat(errors(h.check(sponsors.withMembers(List.of(1L, 1L))))).contains("不能重复");
        assertThat(errors(h.check(sponsors.withMembers(List.of(1L, 99L))))).contains("不在本组织党员名册中");
        assertThat(errors(h.check(sponsors.withMembers(List.of(1L, 2L))))).isEmpty();
    }

    @ParameterizedTest(name = "D7 training {0} days, {1} hours → allowed {2}")
    @CsvSource({"2,23,false", "3,0,true", "0,24,true", "2,24,true", "0,0,false"})
    void D7_training_three_days_or_24_hours(int days, int hours, boolean allowed) {
        History h = target();
        StepForm f = new StepForm(TRAINING, CHOSEN.plusYears(1), null, null, null, null, null, null, days, hours, null,
                null, null, null, null, null, null, null);
        assertThat(errors(h.check(f)).isEmpty()).isEqualTo(allowed);
        if (!allowed) {
            assertThat(errors(h.check(f))).contains("不少于3天（或不少于24个学时）").contains("第十七条");
        }
    }

    @Test
    void D7_no_committee_review_without_a_passed_political_review() {
        History h = target();
        LocalDate on = CHOSEN.plusYears(1);
        h.add(step(TARGET_FILED, on)).add(step(SPONSORS, on).withMembers(List.of(1L, 2L)))
                .add(step(POLITICAL_REVIEW, on).withPassed(false))
                .add(new StepForm(TRAINING, on, null, null, null, null, null, null, 3, null, null, null, null, null,
                        null, null, null, null));
        assertThat(errors(h.check(step(COMMITTEE_REVIEW, on)))).contains("须先完成：第10步 政治审查");
    }

    @Test
    void D8_leaving_the_unit_within_three_months_is_refused() {
        History h = admittedAt(APPLIED, MEETING);
        History before = new History(h.rules, APPLIED);
        for (StepRecord r : h.steps.subList(1, h.steps.size() - 4)) {
            before.add(r.form());
        }
        StepForm leaving = new StepForm(COMMITTEE_REVIEW, CHOSEN.plusYears(1), null, null, null, null, null, null,
                null, null, true, null, null, null, null, null, null, null);
        assertThat(errors(before.check(leaving))).contains("3个月内将离开").contains("第十九条");
    }

    @Test
    void D8_under_2026_the_meeting_a_day_past_a_month_after_pre_review_warns() {
        LocalDate applied = LocalDate.of(2025, 1, 6);
        History all = admittedAt(applied, LocalDate.of(2026, 7, 1));
        History h = new History(RuleSets.of(LocalDate.of(2026, 1, 1)), applied);
        for (StepRecord r : all.steps.subList(1, all.steps.size() - 1)) {
            if (r.step() == TARGET_CHOSEN) {
                h.steps.add(r); // its 公示 is not what this test is about
            } else {
                h.add(r.form());
            }
        }
        LocalDate preReview = h.flow().doneOn(PRE_REVIEW).orElseThrow();
        assertThat(h.check(step(ADMISSION_MEETING, preReview.plusMonths(1)).withVote(vote(16, 9, 9))).warnings())
                .isEmpty();
        assertThat(h.check(step(ADMISSION_MEETING, preReview.plusMonths(1).plusDays(1)).withVote(vote(16, 9, 9)))
                .warnings()).singleElement().asString().contains("预审后一个月");
    }

    @ParameterizedTest(name = "D9 expected {0}, present {1}, yes {2} → quorum {3}, passed {4}")
    @CsvSource({"16,8,8,false,false", "16,9,9,true,true", "16,9,8,true,false", "16,16,8,true,false",
            "15,8,8,true,true", "15,7,7,false,false", "1,1,1,true,true", "2,2,1,true,false"})
    void D9_quorum_and_pass_on_the_expected_count(int expected, int present, int yes, boolean quorum, boolean passed) {
        BranchVote v = vote(expected, present, yes);
        assertThat(v.quorate()).isEqualTo(quorum);
        assertThat(v.passed()).isEqualTo(passed);
    }

    @Test
    void D9_written_yes_counts_and_exclusions_lower_the_expected_count() {
        BranchVote written = BranchVote.of(9, 8, 1, 0, 1, 0).onRoll(History.roll(16));
        assertThat(written.passed()).isTrue();
        List<BranchVote.Exclusion> abroad = List.of(BranchVote.Exclusion.of(101, ExclusionGround.ABROAD));
        BranchVote excluded = BranchVote.of(9, 9, 0, 0, 0, 0).withExclusions(abroad, "上级党委同意，党员大会通过")
                .onRoll(History.roll(17));
        assertThat(excluded.expected()).isEqualTo(16);
        assertThat(excluded.excluded()).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("党员1"));
        assertThat(excluded.passed()).isTrue();
        assertThat(excluded.yesNeeded()).isEqualTo(9);
        assertThat(excluded.check(new cn.zhibu.platform.FieldErrors()).isEmpty()).isTrue();
        assertThat(voteErrors(BranchVote.of(9, 9, 0, 0, 0, 0).withExclusions(abroad, null).onRoll(History.roll(17))))
                .contains("须经上级党组织同意");
    }

    @Test
    void D9_only_members_of_the_roll_with_a_ground_may_be_left_out_once_each() {
        String approved = "上级党委同意，党员大会通过";
        assertThat(voteErrors(BranchVote.of(9, 9, 0, 0, 0, 0).withExclusions(List.of(BranchVote.Exclusion.of(999,
                ExclusionGround.ABROAD)), approved).onRoll(History.roll(17)))).contains("会议当日名册上");
        assertThat(voteErrors(BranchVote.of(9, 9, 0, 0, 0, 0).withExclusions(List.of(BranchVote.Exclusion.of(101,
                ExclusionGround.ABROAD), BranchVote.Exclusion.of(101, ExclusionGround.AWAY)), approved)
                .onRoll(History.roll(17)))).contains("党员1重复列入");
        assertThat(voteErrors(BranchVote.of(9, 9, 0, 0, 0, 0).withExclusions(List.of(new BranchVote.Exclusion(101L,
                null, null)), approved).onRoll(History.roll(17)))).contains("须注明情形");
        assertThat(voteErrors(BranchVote.of(0, 0, 0, 0, 0, 0).onRoll(List.of()))).contains("没有有表决权的正式党员");
    }

    @Test
    void D9_counts_that_cannot_have_happened_are_refused() {
        assertThat(voteErrors(BranchVote.of(17, 9, 0, 0, 0, 0).onRoll(History.roll(16)))).contains("不能多于应到");
        assertThat(voteErrors(BranchVote.of(9, 9, 1, 0, 0, 0).onRoll(History.roll(16)))).contains("不能多于实到人数");
        assertThat(voteErrors(BranchVote.of(9, 9, 0, 0, 7, 1).onRoll(History.roll(16))))
                .contains("书面意见只能来自未到会");
    }

    private static String voteErrors(BranchVote vote) {
        return errors(new AdmissionRules.Verdict(vote.check(new cn.zhibu.platform.FieldErrors()), List.of()));
    }

    @Test
    void D9_a_failed_vote_leaves_the_meeting_to_be_held_again() {
        History h = admittedAt(APPLIED, MEETING);
        History failed = new History(h.rules, APPLIED);
        for (StepRecord r : h.steps.subList(1, h.steps.size() - 1)) {
            failed.add(r.form());
        }
        failed.add(step(ADMISSION_MEETING, MEETING).withVote(vote(16, 9, 8)));
        assertThat(failed.flow().done(ADMISSION_MEETING)).isFalse();
        assertThat(failed.flow().available()).containsExactly(ADMISSION_MEETING);
        assertThat(failed.flow().stage()).isEqualTo(AdmissionStage.TARGET);
    }

    @Test
    void D10_approval_within_three_months_warns_after_and_is_refused_after_six() {
        History h = admittedAt(APPLIED, MEETING).add(step(HIGHER_TALK, MEETING.plusDays(20)));
        assertThat(h.check(step(APPROVAL, MEETING.plusMonths(3)).withPassed(true)).warnings()).isEmpty();
        assertThat(h.check(step(APPROVAL, MEETING.plusMonths(3).plusDays(1)).withPassed(true)).warnings())
                .singleElement().asString().contains("三个月");
        assertThat(errors(h.check(step(APPROVAL, MEETING.plusMonths(6)).withPassed(true)))).isEmpty();
        assertThat(errors(h.check(step(APPROVAL, MEETING.plusMonths(6).plusDays(1)).withPassed(true))))
                .contains("不得超过支部大会决议后六个月").contains("第二十五条");
    }

    @Test
    void D10_the_talk_comes_before_approval_and_probation_counts_from_the_meeting() {
        History h = admittedAt(APPLIED, MEETING);
        assertThat(errors(h.check(step(APPROVAL, MEETING.plusMonths(1)).withPassed(true))))
                .contains("须先完成：第16步 上级党委派人谈话");
        h.add(step(HIGHER_TALK, MEETING.plusDays(20))).add(step(APPROVAL, MEETING.plusMonths(2)).withPassed(true));
        assertThat(h.flow().stage()).isEqualTo(AdmissionStage.PROBATIONARY);
        assertThat(h.flow().admittedAt()).contains(MEETING);
        assertThat(h.flow().probationEnds()).contains(MEETING.plusYears(1));
    }

    @Test
    void D10_a_refused_approval_closes_the_case() {
        History h = admittedAt(APPLIED, MEETING).add(step(HIGHER_TALK, MEETING.plusDays(20)))
                .add(step(APPROVAL, MEETING.plusMonths(1)).withPassed(false));
        assertThat(h.flow().stage()).isEqualTo(AdmissionStage.CLOSED);
        assertThat(h.flow().available()).isEmpty();
    }

    @ParameterizedTest(name = "D11 extension of {0} months allowed {1}")
    @CsvSource({"5,false", "6,true", "12,true", "13,false"})
    void D11_extension_by_six_to_twelve_months(int months, boolean allowed) {
        History h = probationary(APPLIED, MEETING);
        String e = errors(h.check(conversionMeeting(MEETING.plusYears(1), ConversionDecision.EXTEND, months)));
        assertThat(e.isEmpty()).isEqualTo(allowed);
        if (!allowed) {
            assertThat(e).contains("6至12个月").contains("第三十二条");
        }
    }

    @Test
    void D11_probation_is_extended_once_and_the_cycle_starts_again() {
        History h = probationary(APPLIED, MEETING);
        h.add(conversionMeeting(MEETING.plusYears(1), ConversionDecision.EXTEND, 6))
                .add(step(CONVERSION_APPROVAL, MEETING.plusYears(1).plusDays(20)).withPassed(true));
        assertThat(h.flow().extended()).isTrue();
        assertThat(h.flow().probationEnds()).contains(MEETING.plusYears(1).plusMonths(6));
        assertThat(h.flow().stage()).isEqualTo(AdmissionStage.PROBATIONARY);
        assertThat(h.flow().available()).contains(CONVERSION_REQUEST).doesNotContain(CONVERSION_MEETING);
        LocalDate newEnd = MEETING.plusYears(1).plusMonths(6);
        h.add(step(CONVERSION_REQUEST, newEnd.minusDays(3)));
        assertThat(errors(h.check(conversionMeeting(newEnd, ConversionDecision.EXTEND, 6))))
                .contains("预备期只能延长一次");
        h.add(conversionMeeting(newEnd, ConversionDecision.CONVERT, null))
                .add(step(CONVERSION_APPROVAL, newEnd.plusDays(10)).withPassed(true));
        assertThat(h.flow().stage()).isEqualTo(AdmissionStage.FULL);
        assertThat(h.flow().available()).containsExactly(ARCHIVED);
    }

    @Test
    void D11_cancelled_probation_closes_the_case() {
        History h = probationary(APPLIED, MEETING)
                .add(conversionMeeting(MEETING.plusYears(1), ConversionDecision.CANCEL, null))
                .add(step(CONVERSION_APPROVAL, MEETING.plusYears(1).plusDays(20)).withPassed(true));
        assertThat(h.flow().stage()).isEqualTo(AdmissionStage.CLOSED);
    }

    @Test
    void D11_the_end_of_probation_is_a_reminder_with_or_without_a_request() {
        History h = admittedAt(APPLIED, MEETING).add(step(HIGHER_TALK, MEETING.plusDays(20)))
                .add(step(APPROVAL, MEETING.plusMonths(2)).withPassed(true));
        assertThat(h.flow().deadlines(h.rules)).anySatisfy(d -> {
            assertThat(d.date()).isEqualTo(MEETING.plusYears(1));
            assertThat(d.actor()).isEqualTo(StepActor.BRANCH);
        });
        History requested = probationary(APPLIED, MEETING);
        assertThat(requested.flow().deadlines(requested.rules)).extracting(NextStep::date).contains(MEETING.plusYears(1));
        requested.add(conversionMeeting(MEETING.plusYears(1), ConversionDecision.CONVERT, null))
                .add(step(CONVERSION_APPROVAL, MEETING.plusYears(1).plusDays(5)).withPassed(true));
        assertThat(requested.flow().deadlines(requested.rules)).extracting(NextStep::date)
                .doesNotContain(MEETING.plusYears(1));
    }

    @Test
    void D12_the_meeting_waits_for_probation_to_end_and_hears_the_group_and_the_public() {
        History h = probationary(APPLIED, MEETING);
        LocalDate end = MEETING.plusYears(1);
        assertThat(errors(h.check(conversionMeeting(end.minusDays(1), ConversionDecision.CONVERT, null))))
                .contains("预备期至" + end + "届满");
        assertThat(errors(h.check(conversionMeeting(end, ConversionDecision.CONVERT, null)))).isEmpty();
        StepForm noOpinions = new StepForm(CONVERSION_MEETING, end, null, null, null, null, null, null, null, null,
                null, null, vote(16, 12, 10), ConversionDecision.CONVERT, null, null, " ", null);
        assertThat(errors(noOpinions.step() == null ? null : h.check(noOpinions))).contains("党小组的意见")
                .contains("征求党员和群众意见");
    }

    @Test
    void D12_a_refused_conversion_goes_back_to_the_branch_meeting() {
        History h = probationary(APPLIED, MEETING)
                .add(conversionMeeting(MEETING.plusYears(1), ConversionDecision.CONVERT, null))
                .add(step(CONVERSION_APPROVAL, MEETING.plusYears(1).plusDays(5)).withPassed(false));
        assertThat(h.flow().stage()).isEqualTo(AdmissionStage.PROBATIONARY);
        assertThat(h.flow().available()).contains(CONVERSION_MEETING);
    }

    @Test
    void D12_approval_past_three_months_of_the_meeting_warns() {
        History h = probationary(APPLIED, MEETING)
                .add(conversionMeeting(MEETING.plusYears(1), ConversionDecision.CONVERT, null));
        LocalDate m = MEETING.plusYears(1);
        assertThat(h.check(step(CONVERSION_APPROVAL, m.plusMonths(3)).withPassed(true)).warnings()).isEmpty();
        assertThat(h.check(step(CONVERSION_APPROVAL, m.plusMonths(3).plusDays(1)).withPassed(true)).warnings())
                .singleElement().asString().contains("第三十四条");
    }

    @Test
    void D13_under_2026_an_oath_later_than_a_month_after_approval_warns_under_2014_not() {
        LocalDate applied = LocalDate.of(2025, 1, 6);
        LocalDate meeting = LocalDate.of(2026, 6, 1);
        History h2014 = admittedAt(applied, meeting).add(step(HIGHER_TALK, meeting.plusDays(5)))
                .add(step(APPROVAL, meeting.plusDays(20)).withPassed(true));
        StepForm lateOath = step(OATH, meeting.plusDays(20).plusMonths(1).plusDays(1));
        assertThat(h2014.check(lateOath).warnings()).isEmpty();
        History h2026 = new History(RuleSets.of(LocalDate.of(2026, 5, 1)), applied);
        for (StepRecord r : h2014.steps.subList(1, h2014.steps.size())) {
            if (r.step() != TARGET_CHOSEN) {
                h2026.add(r.form());
            } else {
                h2026.steps.add(r); // decided before the revision: no 公示 needed then
            }
        }
        assertThat(h2026.check(lateOath).warnings()).singleElement().asString().contains("批准后一个月");
    }

    @Test
    void D14_archiving_needs_where_the_file_is_kept_and_only_after_conversion() {
        History h = probationary(APPLIED, MEETING);
        assertThat(h.flow().available()).doesNotContain(ARCHIVED);
        h.add(conversionMeeting(MEETING.plusYears(1), ConversionDecision.CONVERT, null))
                .add(step(CONVERSION_APPROVAL, MEETING.plusYears(1).plusDays(5)).withPassed(true));
        assertThat(errors(h.check(step(ARCHIVED, MEETING.plusYears(1).plusDays(6))))).contains("归档的位置");
        assertThatThrownBy(() -> h.add(step(ARCHIVED, MEETING.plusYears(1).plusDays(6))))
                .isInstanceOf(AssertionError.class);
    }
}
