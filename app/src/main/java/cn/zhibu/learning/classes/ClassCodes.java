package cn.zhibu.learning.classes;

import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.Signatures;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rotating code of a session's QR, {@code <session>.<I|O>.<window>.<signature>}: the window is the number of the
 * 30-second period since the epoch, the signature 96 bits of the platform's keyed signature over (session, purpose,
 * window), so only the server makes one, a code names its session and purpose, and it works for 30 to 60 seconds
 * (its own window, the one before and the one after, for clocks slightly apart).
 */
@Component
public class ClassCodes {

    public static final long ROTATION_SECONDS = 30;
    static final String FIELD = "code";
    private static final String PURPOSE = "learning-class";
    private static final int SIGNATURE_BYTES = 12;
    private static final Pattern SHAPE = Pattern.compile("([1-9][0-9]{0,17})\\.([IO])\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{16})");

    private final Signatures signatures;

    ClassCodes(Signatures signatures) {
        this.signatures = signatures;
    }

    /** The code of the current window and when it is replaced. */
    public record Issued(String code, Instant rotatesAt) {
    }

    public Issued current(long sessionId, ClassCheck purpose, Instant now) {
        long window = Math.floorDiv(now.getEpochSecond(), ROTATION_SECONDS);
        String signature = signatures.sign(PURPOSE, message(sessionId, purpose, window), SIGNATURE_BYTES);
        return new Issued(sessionId + "." + purpose.letter() + "." + window + "." + signature,
                Instant.ofEpochSecond((window + 1) * ROTATION_SECONDS));
    }

    /** Refuses (400 on {@value #FIELD}) anything but a current code of this session and purpose. */
    void check(String code, long sessionId, ClassCheck purpose, Instant now) {
        if (code == null || code.isBlank()) {
            throw refused("缺少签到码：请用手机扫描培训现场屏幕上的二维码");
        }
        Matcher m = code.length() > 100 ? null : SHAPE.matcher(code.strip());
        if (m == null || !m.matches()) {
            throw refused("二维码无效：请扫描培训现场屏幕上正在显示的二维码");
        }
        long codeSession = Long.parseLong(m.group(1));
        ClassCheck codePurpose = ClassCheck.ofLetter(m.group(2));
        long codeWindow = Long.parseLong(m.group(3));
        if (!signatures.verify(PURPOSE, message(codeSession, codePurpose, codeWindow), m.group(4))) {
            throw refused("二维码无效：请扫描培训现场屏幕上正在显示的二维码");
        }
        if (codeSession != sessionId) {
            throw refused("这是另一场培训的二维码：请扫描本场培训现场屏幕上的二维码");
        }
        if (codePurpose != purpose) {
            throw refused(codePurpose == ClassCheck.IN ? "这是签到二维码：签退请扫描签退二维码"
                    : "这是签退二维码：签到请扫描签到二维码");
        }
        long current = Math.floorDiv(now.getEpochSecond(), ROTATION_SECONDS);
        if (codeWindow < current - 1 || codeWindow > current + 1) {
            throw refused("二维码已过期（每" + ROTATION_SECONDS + "秒更换一次）：请重新扫描屏幕上正在显示的二维码");
        }
    }

    private static InvalidInputException refused(String message) {
        return InvalidInputException.of(FIELD, message);
    }

    private static String message(long sessionId, ClassCheck purpose, long window) {
        return sessionId + ":" + purpose.name() + ":" + window;
    }
}
