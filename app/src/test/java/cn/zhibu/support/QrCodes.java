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

    /** The link in the QR code printed on a PDF's first page, read from the rendered page as a phone would. */
    public static String fromPdf(byte[] pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(document)
                    .renderImageWithDPI(0, 300);
            var hints = java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE);
            return new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                    new com.google.zxing.common.HybridBinarizer(
                            new com.google.zxing.client.j2se.BufferedImageLuminanceSource(page))), hints).getText();
        } catch (Exception e) {
            throw new AssertionError("no QR code readable on the PDF's first page", e);
        }
    }
}
