package cn.zhibu.life;

import cn.zhibu.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 补录 is local practice (no RULES.md id; the windows are configuration, 7 and 90 days by default): on time within 7
 * days after the meeting, late with a reason up to 90 days, refused after, with a message naming the window.
 */
class LateRecordingTest {

    private static final LocalDate HELD = LocalDate.of(2026, 3, 31);
    private final LateRecording policy = new LateRecording(7, 90);

    @ParameterizedTest(name = "local rule: recorded {0} days after the meeting, without a reason: {1}")
    @CsvSource({"0, ON_TIME", "1, ON_TIME", "7, ON_TIME", "8, NEEDS_REASON", "30, NEEDS_REASON", "90, NEEDS_REASON",
            "91, REFUSED", "365, REFUSED"})
    void local_rule_each_day_after_the_meeting_is_on_time_late_or_refused(int days, String expected) {
        LocalDate recorded = HELD.plusDays(days);
        switch (expected) {
            case "ON_TIME" -> assertThat(policy.judge(HELD, recorded, null).late()).isFalse();
            case "NEEDS_REASON" -> assertThatThrownBy(() -> policy.judge(HELD, recorded, " "))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.fieldErrors()).containsKey("lateReason"));
            default -> assertThatThrownBy(() -> policy.judge(HELD, recorded, "补录原因"))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.fieldErrors()).containsKey("heldOn"));
        }
    }

    @Test
    void local_rule_record_on_day_7_is_on_time() {
        LateRecording.Timeliness t = policy.judge(HELD, HELD.plusDays(7), null);
        assertThat(t.late()).isFalse();
        assertThat(t.reason()).isNull();
        assertThat(policy.late(HELD, HELD.plusDays(7))).isFalse();
    }

    @Test
    void local_rule_late_record_on_day_8_needs_a_reason_and_is_marked_late() {
        assertThatThrownBy(() -> policy.judge(HELD, HELD.plusDays(8), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("lateReason"))
                        .contains("补录", "请填写补录原因", "7天", "90天"));
        LateRecording.Timeliness t = policy.judge(HELD, HELD.plusDays(8), "  书记出差，会后补记 ");
        assertThat(t.late()).isTrue();
        assertThat(t.reason()).isEqualTo("书记出差，会后补记");
        assertThat(policy.late(HELD, HELD.plusDays(8))).isTrue();
    }

    @Test
    void local_rule_late_record_on_day_90_is_allowed_with_a_reason() {
        assertThat(policy.judge(HELD, HELD.plusDays(90), "补录").late()).isTrue();
    }

    @Test
    void local_rule_late_record_on_day_91_is_refused_naming_the_window() {
        assertThatThrownBy(() -> policy.judge(HELD, HELD.plusDays(91), "补录原因"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("heldOn"))
                        .contains("2026-03-31", "91天", "90天的补录期限", "不能再补录"));
    }

    @Test
    void local_rule_windows_are_configuration() {
        LateRecording strict = new LateRecording(3, 30);
        assertThat(strict.judge(HELD, HELD.plusDays(3), null).late()).isFalse();
        assertThatThrownBy(() -> strict.judge(HELD, HELD.plusDays(31), "原因"))
                .hasMessageContaining("30天的补录期限");
        assertThat(strict.earliestHeldOn(HELD)).isEqualTo(HELD.minusDays(30));
        assertThat(strict.onTimeUntil(HELD)).isEqualTo(HELD.plusDays(3));
        assertThatThrownBy(() -> new LateRecording(10, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
