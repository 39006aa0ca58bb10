package cn.zhibu.life.checkin;

import cn.zhibu.life.MeetingFixture;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.Signatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rotating code at its edges: its own window and the next (a scan at the turn) are taken, as is the one before
 * (a node whose clock runs behind); two windows old is expired; a changed character, another meeting's code and a
 * check-in code used to check out are refused, each with its own reason.
 */
class CheckinCodesTest {

    /** HMAC-SHA256 with a fixed key: the platform's HMAC-SM3 bean is tested with the key material it derives from. */
    private static final Signatures SIGNATURES = new Signatures() {
        private final byte[] key = "test-key-0123456789".getBytes(StandardCharsets.UTF_8);

        private byte[] mac(String purpose, String message) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac.doFinal((purpose + "|" + message).getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String sign(String purpose, String message, int bytes) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac(purpose, message), bytes));
        }

        @Override
        public boolean verify(String purpose, String message, String signature) {
            byte[] given;
            try {
                given = Base64.getUrlDecoder().decode(signature);
            } catch (IllegalArgumentException e) {
                return false;
            }
            return MessageDigest.isEqual(given, Arrays.copyOf(mac(purpose, message), given.length));
        }
    };

    private final CheckinCodes codes = new CheckinCodes(SIGNATURES);
    /** 10 s into a window. */
    private final Instant now = Instant.ofEpochSecond(1_800_000_000L - 1_800_000_000L % 30 + 10);
    private final long window = CheckinCodes.window(now);

    private String code(long meeting, CheckinPurpose purpose, long window) {
        return codes.issue(meeting, purpose, window).code();
    }

    private String refusal(String code, long meeting, CheckinPurpose purpose) {
        try {
            codes.check(code, meeting, purpose, now);
        } catch (InvalidInputException e) {
            assertThat(e.fieldErrors()).containsOnlyKeys("code");
            return e.fieldErrors().get("code");
        }
        return null;
    }

    @Test
    void the_current_code_names_its_meeting_purpose_and_window_and_rotates_at_the_next_turn() {
        CheckinCodes.Issued issued = codes.current(7, CheckinPurpose.IN, now);
        assertThat(issued.code()).startsWith("7.I." + window + ".");
        assertThat(issued.rotatesAt()).isEqualTo(now.plusSeconds(20));
        assertThat(codes.current(7, CheckinPurpose.IN, now.plusSeconds(19)).code()).isEqualTo(issued.code());
        assertThat(codes.current(7, CheckinPurpose.IN, now.plusSeconds(20)).code()).isNotEqualTo(issued.code());
        assertThat(codes.current(7, CheckinPurpose.OUT, now).code()).isNotEqualTo(issued.code());
    }

    @Test
    void a_code_of_this_window_or_of_the_one_before_it_is_taken_scanned_at_the_turn() {
        assertThat(refusal(code(7, CheckinPurpose.IN, window), 7, CheckinPurpose.IN)).isNull();
        assertThat(refusal(code(7, CheckinPurpose.IN, window - 1), 7, CheckinPurpose.IN)).isNull();
        // drawn by a node whose clock is a little ahead
        assertThat(refusal(code(7, CheckinPurpose.IN, window + 1), 7, CheckinPurpose.IN)).isNull();
    }

    @Test
    void a_code_two_windows_old_has_expired() {
        assertThat(refusal(code(7, CheckinPurpose.IN, window - 2), 7, CheckinPurpose.IN)).contains("已过期");
        assertThat(refusal(code(7, CheckinPurpose.IN, window - 2_880), 7, CheckinPurpose.IN)).contains("已过期");
        assertThat(refusal(code(7, CheckinPurpose.IN, window + 2), 7, CheckinPurpose.IN)).contains("时间不对");
    }

    @Test
    void a_forged_or_altered_code_is_refused_before_anything_else() {
        String good = code(7, CheckinPurpose.IN, window);
        String lastChanged = good.substring(0, good.length() - 1) + (good.endsWith("A") ? "B" : "A");
        String otherWindow = good.replace("." + window + ".", "." + (window - 1) + ".");
        String otherMeeting = good.replaceFirst("^7\\.", "8.");
        for (String forged : new String[]{lastChanged, otherWindow, otherMeeting}) {
            assertThat(refusal(forged, 7, CheckinPurpose.IN)).as(forged).contains("二维码无效");
            assertThat(refusal(forged, 8, CheckinPurpose.IN)).as(forged).contains("二维码无效");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "7.I.1.", "7.I.99999999999999999999.AAAAAAAAAAAAAAAA", "0.I.1.AAAAAAAAAAAAAAAA",
            "7.X.1.AAAAAAAAAAAAAAAA", "7.I.1.AAAAAAAAAAAAAAA=", "7.I.1.AAAAAAAAAAAAAAAA\n", "<script>", "７.I.1.AAAAAAAAAAAAAAAA"})
    void anything_not_shaped_like_a_code_is_invalid(String hostile) {
        assertThat(refusal(hostile, 7, CheckinPurpose.IN)).contains("二维码无效");
        assertThat(refusal("7.I.1." + "A".repeat(5_000), 7, CheckinPurpose.IN)).contains("二维码无效");
    }

    @Test
    void a_missing_code_asks_for_a_scan() {
        assertThat(refusal(null, 7, CheckinPurpose.IN)).contains("缺少签到码");
        assertThat(refusal("  ", 7, CheckinPurpose.IN)).contains("缺少签到码");
    }

    @Test
    void another_meetings_code_is_refused_as_such() {
        assertThat(refusal(code(8, CheckinPurpose.IN, window), 7, CheckinPurpose.IN)).contains("另一次会议");
    }

    @Test
    void a_check_in_code_does_not_check_out_nor_the_other_way_round() {
        assertThat(refusal(code(7, CheckinPurpose.IN, window), 7, CheckinPurpose.OUT)).contains("这是签到二维码");
        assertThat(refusal(code(7, CheckinPurpose.OUT, window), 7, CheckinPurpose.IN)).contains("这是签退二维码");
        assertThatCode(() -> codes.check(code(7, CheckinPurpose.OUT, window), 7, CheckinPurpose.OUT, now))
                .doesNotThrowAnyException();
    }

    @Test
    void the_window_number_counts_thirty_second_periods_from_the_epoch() {
        assertThat(CheckinCodes.window(Instant.ofEpochSecond(0))).isZero();
        assertThat(CheckinCodes.window(Instant.ofEpochSecond(29))).isZero();
        assertThat(CheckinCodes.window(Instant.ofEpochSecond(30))).isOne();
        assertThatThrownBy(() -> codes.check("7.I.1.AAAAAAAAAAAAAAAA", 7, CheckinPurpose.IN, now))
                .isInstanceOf(InvalidInputException.class);
    }
}
