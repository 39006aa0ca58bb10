package cn.zhibu.platform;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;

import java.util.Map;

/**
 * The verification QR code printed on documents others must trust (the 介绍信, the annual dues statement): the public
 * check link drawn as vector squares (no image, so PDF/A stays simple), error correction M so a creased or stamped
 * sheet still scans, with a caption to its right.
 */
public final class PdfQrCode {

    private PdfQrCode() {
    }

    /** Draws the code with its lower left corner at (x, y), {@code module} points per square. */
    public static void draw(PdfContentByte canvas, String link, float x, float y, float module, BaseFont font,
                            String caption) {
        BitMatrix qr = matrix(link);
        canvas.setRGBColorFill(0, 0, 0);
        for (int row = 0; row < qr.getHeight(); row++) {
            for (int col = 0; col < qr.getWidth(); col++) {
                if (qr.get(col, row)) {
                    canvas.rectangle(x + col * module, y + (qr.getHeight() - 1 - row) * module, module, module);
                }
            }
        }
        canvas.fill();
        canvas.beginText();
        canvas.setFontAndSize(font, 9);
        canvas.setTextMatrix(x + qr.getWidth() * module + 8, y + 8);
        canvas.showText(caption);
        canvas.endText();
    }

    /** The code's squares for a link. */
    public static BitMatrix matrix(String link) {
        try {
            return new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
        } catch (WriterException e) {
            throw new IllegalStateException("二维码生成失败：" + e.getMessage(), e);
        }
    }
}
