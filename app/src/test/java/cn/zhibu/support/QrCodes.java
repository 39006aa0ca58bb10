package cn.zhibu.support;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads back the QR codes the platform draws as inline SVG (the room screen's check-in code): one unit square per dark
 * module inside a quiet zone of four, so the modules are decoded straight from the path, with no image to scan.
 */
public final class QrCodes {

    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final int QUIET_ZONE = 4;

    private QrCodes() {
    }

    /** The text of the (first) SVG QR code in {@code html}, e.g. a screen fragment or an SVG element's outer HTML. */
    public static String decode(String html) {
        Matcher box = VIEW_BOX.matcher(html);
        assertThat(box.find()).as("an SVG QR code in " + html).isTrue();
        int size = Integer.parseInt(box.group(1)) - 2 * QUIET_ZONE;
        BitMatrix bits = new BitMatrix(size);
        Matcher m = MODULE.matcher(html);
        while (m.find()) {
            bits.set(Integer.parseInt(m.group(1)) - QUIET_ZONE, Integer.parseInt(m.group(2)) - QUIET_ZONE);
        }
        try {
            return new Decoder().decode(bits).getText();
        } catch (Exception e) {
            throw new AssertionError("the QR code does not decode", e);
        }
    }
}
