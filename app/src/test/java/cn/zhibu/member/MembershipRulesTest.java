package cn.zhibu.member;

import cn.zhibu.member.MembershipRules.Standing;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MembershipRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final LocalDate JOINED = LocalDate.of(2025, 3, 1);

    static Standing active(String status, LocalDate lostSince) {
        return new Standing(status, JOINED, lostSince, null);
    }

    static Standing suspended(LocalDate on) {
        return new Standing("SUSPENDED", JOINED, LocalDate.of(2020, 1, 1), on);
    }

    static StatusChange change(StatusChangeKind kind, LocalDate on) {
        return new StatusChange(kind, on, "理由", "党发〔2026〕1号", "某某党委");
    }

    static Map<String, String> errors(StatusChange c, Standing s) {
        FieldErrors errors = MembershipRules.check(c, s, TODAY);
        try {
            errors.throwIfAny();
            return Map.of();
        } catch (InvalidInputException e) {
            return e.fieldErrors();
        }
    }

    @Test
    void d10_conversion_on_the_first_anniversary_of_the_branch_meeting_not_a_day_before() {
        assertThat(errors(change(StatusChangeKind.CONVERT, LocalDate.of(2026, 3, 1)), active("PROBATIONARY", null)))
                .isEmpty();
        assertThat(errors(change(StatusChangeKind.CONVERT, LocalDate.of(2026, 2, 28)), active("PROBATIONARY", null)))
                .containsKey("effectiveOn")
                .hasEntrySatisfying("effectiveOn", m -> assertThat(m).contains("2026-03-01前不能转正", "第三十二条"));
    }

    @Test
    void d11_only_a_probationary_member_is_converted_or_has_the_probation_cancelled() {
        assertThat(errors(change(StatusChangeKind.CONVERT, TODAY), active("FULL", null))).containsKey("kind");
        assertThat(errors(change(StatusChangeKind.CANCEL_PROBATION, TODAY), active("FULL", null))).containsKey("kind");
        assertThat(errors(change(StatusChangeKind.CANCEL_PROBATION, TODAY), active("PROBATIONARY", null))).isEmpty();
    }

    @Test
    void r5_suspension_after_six_months_of_lost_contact_exactly_not_a_day_before() {
        LocalDate lost = LocalDate.of(2026, 5, 23);
        assertThat(errors(change(StatusChangeKind.SUSPEND, LocalDate.of(2026, 11, 23)), active("FULL", lost))).isEmpty();
        assertThat(errors(change(StatusChangeKind.SUSPEND, LocalDate.of(2026, 11, 22)), active("FULL", lost)))
                .hasEntrySatisfying("effectiveOn", m -> assertThat(m).contains("满6个月", "第二十四条"));
    }

    @Test
    void r5_no_suspension_without_recorded_lost_contact() {
        assertThat(errors(change(StatusChangeKind.SUSPEND, TODAY), active("FULL", null)))
                .hasEntrySatisfying("kind", m -> assertThat(m).contains("未登记失联"));
    }

    @Test
    void r5_restoration_until_the_day_before_two_years_of_suspension_then_only_removal() {
        LocalDate suspendedOn = LocalDate.of(2024, 11, 23);
        assertThat(errors(change(StatusChangeKind.RESTORE, LocalDate.of(2026, 11, 22)), suspended(suspendedOn))).isEmpty();
        assertThat(errors(change(StatusChangeKind.RESTORE, LocalDate.of(2026, 11, 23)), suspended(suspendedOn)))
                .hasEntrySatisfying("effectiveOn", m -> assertThat(m).contains("已满2年"));
        assertThat(errors(change(StatusChangeKind.REMOVE, LocalDate.of(2026, 11, 23)), suspended(suspendedOn))).isEmpty();
        assertThat(errors(change(StatusChangeKind.REMOVE, LocalDate.of(2026, 11, 22)), suspended(suspendedOn)))
                .hasEntrySatisfying("effectiveOn", m -> assertThat(m).contains("满2年后方可"));
    }

    @Test
    void a_suspended_record_can_only_be_restored_removed_or_recorded_deceased() {
        Standing s = suspended(LocalDate.of(2026, 1, 1));
        assertThat(errors(change(StatusChangeKind.EXPEL, TODAY), s)).containsKey("kind");
        assertThat(errors(change(StatusChangeKind.WITHDRAW, TODAY), s)).containsKey("kind");
        assertThat(errors(new StatusChange(StatusChangeKind.DECEASE, TODAY, "病故", null, null), s)).isEmpty();
    }

    @Test
    void dates_reason_and_approval_are_required_and_bounded() {
        Standing s = active("FULL", null);
        assertThat(errors(new StatusChange(StatusChangeKind.EXPEL, null, " ", null, null), s))
                .containsKeys("effectiveOn", "reason", "approvedBy");
        assertThat(errors(change(StatusChangeKind.EXPEL, TODAY.plusDays(1)), s))
                .hasEntrySatisfying("effectiveOn", m -> assertThat(m).contains("不能晚于今天"));
        assertThat(errors(change(StatusChangeKind.EXPEL, JOINED.minusDays(1)), s))
                .hasEntrySatisfying("effectiveOn", m -> assertThat(m).contains("不能早于入党日期"));
        assertThat(errors(new StatusChange(StatusChangeKind.EXPEL, TODAY, "理".repeat(501), null, "党委"), s))
                .containsKey("reason");
        assertThat(errors(new StatusChange(null, TODAY, "x", null, "y"), s)).containsKey("kind");
    }

    @Test
    void a_change_cannot_predate_the_last_one() {
        assertThat(errors(change(StatusChangeKind.DECEASE, LocalDate.of(2025, 12, 31)), suspended(LocalDate.of(2026, 1, 1))))
                .hasEntrySatisfying("effectiveOn", m -> assertThat(m).contains("不能早于上次状态变更日期"));
    }

    @Test
    void r6_correction_deadline_at_most_one_year_exactly() {
        Standing s = active("FULL", null);
        LocalDate on = LocalDate.of(2026, 3, 1);
        assertThat(errors(new StatusChange(StatusChangeKind.CORRECTION, on, "评议不合格", null, "支部大会",
                LocalDate.of(2027, 3, 1), null), s)).isEmpty();
        assertThat(errors(new StatusChange(StatusChangeKind.CORRECTION, on, "评议不合格", null, "支部大会",
                LocalDate.of(2027, 3, 2), null), s))
                .hasEntrySatisfying("deadline", m -> assertThat(m).contains("不超过一年", "第三十条"));
        assertThat(errors(new StatusChange(StatusChangeKind.CORRECTION, on, "评议不合格", null, "支部大会", on, null), s))
                .containsKey("deadline");
        assertThat(errors(new StatusChange(StatusChangeKind.CORRECTION, on, "评议不合格", null, "支部大会"), s))
                .containsKey("deadline");
    }

    @Test
    void r6_removal_from_the_registry_states_its_ground() {
        Standing s = active("FULL", null);
        assertThat(errors(change(StatusChangeKind.REMOVE, TODAY), s))
                .hasEntrySatisfying("ground", m -> assertThat(m).contains("第三十一条"));
        assertThat(errors(new StatusChange(StatusChangeKind.REMOVE, TODAY, "连续6个月不交纳党费", null, "某某党委", null,
                RemovalGround.NO_DUES), s)).isEmpty();
    }

    @Test
    void party_probation_lasts_at_most_two_years_and_keeps_the_member() {
        Standing s = active("FULL", null);
        LocalDate on = LocalDate.of(2026, 3, 1);
        assertThat(errors(new StatusChange(StatusChangeKind.PARTY_PROBATION, on, "违反组织纪律", null, "某某党委",
                LocalDate.of(2028, 3, 1), null), s)).isEmpty();
        assertThat(errors(new StatusChange(StatusChangeKind.PARTY_PROBATION, on, "违反组织纪律", null, "某某党委",
                LocalDate.of(2028, 3, 2), null), s))
                .hasEntrySatisfying("deadline", m -> assertThat(m).contains("不超过两年", "第四十条"));
        assertThat(errors(new StatusChange(StatusChangeKind.PARTY_PROBATION, on, "违反组织纪律", null, "某某党委"), s))
                .containsKey("deadline");
        assertThat(StatusChangeKind.PARTY_PROBATION.archives()).isFalse();
    }

    // D11: probation ends 2026-03-01 for a member admitted 2025-03-01; an extension is 6 to 12 months, once.

    static StatusChange extension(LocalDate on, LocalDate newEnd) {
        return new StatusChange(StatusChangeKind.EXTEND_PROBATION, on, "理由", null, "某某党委", newEnd, null);
    }

    @Test
    void D11_an_extension_of_exactly_six_or_twelve_months_is_accepted() {
        Standing probationary = active("PROBATIONARY", null);
        assertThat(errors(extension(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 1)), probationary)).isEmpty();
        assertThat(errors(extension(LocalDate.of(2026, 3, 1), LocalDate.of(2027, 3, 1)), probationary)).isEmpty();
    }

    @Test
    void D11_an_extension_a_day_short_of_six_months_or_a_day_past_twelve_is_refused() {
        Standing probationary = active("PROBATIONARY", null);
        assertThat(errors(extension(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 8, 31)), probationary))
                .containsKey("deadline");
        assertThat(errors(extension(LocalDate.of(2026, 3, 1), LocalDate.of(2027, 3, 2)), probationary))
                .containsKey("deadline");
        assertThat(errors(extension(LocalDate.of(2026, 3, 1), null), probationary)).containsKey("deadline");
    }

    @Test
    void D11_probation_is_extended_only_when_it_has_ended_and_only_once() {
        assertThat(errors(extension(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 9, 1)), active("PROBATIONARY", null)))
                .containsKey("effectiveOn");
        Standing extended = new Standing("PROBATIONARY", JOINED, null, null, LocalDate.of(2026, 9, 1));
        assertThat(errors(extension(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 3, 1)), extended)).containsKey("kind");
        assertThat(errors(extension(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 1)), active("FULL", null)))
                .containsKey("kind");
    }

    @Test
    void D11_an_extended_probation_converts_on_its_new_end_and_not_a_day_before() {
        Standing extended = new Standing("PROBATIONARY", JOINED, null, null, LocalDate.of(2026, 9, 1));
        assertThat(errors(change(StatusChangeKind.CONVERT, LocalDate.of(2026, 8, 31)), extended))
                .containsKey("effectiveOn");
        assertThat(errors(change(StatusChangeKind.CONVERT, LocalDate.of(2026, 9, 1)), extended)).isEmpty();
        assertThat(errors(change(StatusChangeKind.CONVERT, LocalDate.of(2026, 3, 1)), active("PROBATIONARY", null)))
                .isEmpty();
    }
}
