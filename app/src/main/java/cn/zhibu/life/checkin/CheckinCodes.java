package cn.zhibu.life.checkin;

import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.Signatures;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The codes of the room screen's QR: {@code <meeting>.<I|O>.<window>.<signature>}, where the window is the number of
 * the 30-second period since the epoch and the signature is 96 bits of HMAC-SM3 over (meeting, purpose, window) under
 * a key derived from the platform's key material ({@link Signatures}). Nobody without that key can make one, a code
 * names its meeting and its purpose, and it rotates every 30 seconds.
 * <p>
 * A code is taken in its own window and the one after (a scan at the turn still counts), and in the window before
 * its own (a node whose clock runs slightly behind the one that drew the screen); so it works for 30 to 60 seconds.
 * That is all it can do: a code photographed and sent out of the room works for that long for any invitee who
 * gets it. What stops the rest — an older code, a forged one, another meeting's, a check-in code used to check out —
 * is checked here; who may use it (invitees, logged in, while the meeting is open) is {@link CheckinService}'s.
 */
@Component
public class CheckinCodes {

    public static final Duration ROTATION = Duration.ofSeconds(30);
    static final String SIGNATURE_PURPOSE = "life-checkin";
    private static final int SIGNATURE_BYTES = 12;
    private static final int MAX_LENGTH = 100;
    private static final Pattern SHAPE = Pattern.compile("([1-9][0-9]{0,17})\\.([IO])\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{16})");
    static final String FIELD = "code";

    private final Signatures signatures;

    CheckinCodes(Signatures signatures) {
        this.signatures = signatures;
    }

    /** A code as shown on the screen, and when the next one replaces it. */
    public record Issued(long meetingId, CheckinPurpose purpose, long window, String code, Instant rotatesAt) {
    }

    /** The code of the current window. */
    public Issued current(long meetingId, CheckinPurpose purpose, Instant now) {
        return issue(meetingId, purpose, window(now));
    }

    Issued issue(long meetingId, CheckinPurpose purpose, long window) {
        String signature = signatures.sign(SIGNATURE_PURPOSE, message(meetingId, purpose, window), SIGNATURE_BYTES);
        return new Issued(meetingId, purpose, window, meetingId + "." + purpose.letter() + "." + window + "." + signature,
                Instant.ofEpochSecond((window + 1) * ROTATION.getSeconds()));
    }

    static long window(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), ROTATION.getSeconds());
    }

    /**
     * Refuses, as a 400 on the field {@value #FIELD}, a code that is not a code of this meeting and purpose for the
     * current time. The signature is checked first, so a made-up code learns nothing about meetings.
     */
    void check(String code, long meetingId, CheckinPurpose purpose, Instant now) {
        if (code == null || code.isBlank()) {
            throw refused("缺少签到码：请用手机扫描会场屏幕上的二维码");
        }
        Matcher m = code.length() > MAX_LENGTH ? null : SHAPE.matcher(code.strip());
        if (m == null || !m.matches()) {
            throw refused(forged());
        }
        long codeMeeting = Long.parseLong(m.group(1));
        CheckinPurpose codePurpose = CheckinPurpose.ofLetter(m.group(2));
        long codeWindow = Long.parseLong(m.group(3));
        if (!signatures.verify(SIGNATURE_PURPOSE, message(codeMeeting, codePurpose, codeWindow), m.group(4))) {
            throw refused(forged());
        }
        if (codeMeeting != meetingId) {
            throw refused("这是另一次会议的二维码：请扫描本次会议会场屏幕上的二维码");
        }
        if (codePurpose != purpose) {
            throw refused(codePurpose == CheckinPurpose.IN
                    ? "这是签到二维码：签退请扫描会场屏幕上的签退二维码"
                    : "这是签退二维码：签到请扫描会场屏幕上的签到二维码");
        }
        long current = window(now);
        if (codeWindow < current - 1) {
            throw refused("二维码已过期（每" + ROTATION.getSeconds() + "秒更换一次）：请重新扫描会场屏幕上正在显示的二维码");
        }
        if (codeWindow > current + 1) {
            throw refused("二维码的时间不对：请重新扫描会场屏幕上正在显示的二维码");
        }
    }

    private static String forged() {
        return "二维码无效：请扫描会场屏幕上正在显示的签到二维码";
    }

    private static InvalidInputException refused(String message) {
        return InvalidInputException.of(FIELD, message);
    }

    private static String message(long meetingId, CheckinPurpose purpose, long window) {
        return meetingId + ":" + purpose.name() + ":" + window;
    }
}
