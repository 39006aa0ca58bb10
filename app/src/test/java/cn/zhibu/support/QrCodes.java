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

    /**
     * The link in the QR code printed on a PDF's first page, read from the rendered page as a phone would: at a few
     * resolutions and with two ways of telling dark from light, as a phone's camera tries again. One rendering of a
     * code now and then failed zxing's checksum (each letter's code differs: it carries a signature).
     */
    public static String fromPdf(byte[] pdf) {
        Exception last = null;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var renderer = new org.apache.pdfbox.rendering.PDFRenderer(document);
            var hints = java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE);
            for (int dpi : new int[]{300, 200, 400}) {
                var luminance = new com.google.zxing.client.j2se.BufferedImageLuminanceSource(
                        renderer.renderImageWithDPI(0, dpi));
                for (com.google.zxing.Binarizer binarizer : java.util.List.of(
                        new com.google.zxing.common.HybridBinarizer(luminance),
                        new com.google.zxing.common.GlobalHistogramBinarizer(luminance))) {
                    try {
                        return new com.google.zxing.qrcode.QRCodeReader()
                                .decode(new com.google.zxing.BinaryBitmap(binarizer), hints).getText();
                    } catch (com.google.zxing.ReaderException e) {
                        last = e;
                    }
                }
            }
        } catch (java.io.IOException e) {
            last = e;
        }
        throw new AssertionError("no QR code readable on the PDF's first page", last);
    }
}
