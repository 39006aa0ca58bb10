package cn.zhibu.platform;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A PDF writer for documents that are filed and kept (letters, and later certificates and transcripts): PDF/A-1b
 * (ISO 19005-1, level B), the archival form — every font embedded (OpenPDF refuses to write one that is not), an sRGB
 * output intent so colours mean the same in twenty years, XMP metadata matching the document information, no
 * transparency and no encryption. Use it with {@link PdfFonts} for the text.
 */
public final class ArchivalPdf {

    private ArchivalPdf() {
    }

    /**
     * Opens {@code document} for writing into {@code out} as PDF/A-1b and returns its writer. Add the title (which
     * the XMP metadata repeats) before; add the content after.
     */
    public static PdfWriter open(Document document, OutputStream out) {
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPDFXConformance(PdfWriter.PDFA1B);
            document.open();
            // The JDK's own sRGB profile (ICC version 2, as PDF/A-1 requires), not a file of ours.
            writer.setOutputIntents("sRGB IEC61966-2.1", "", "http://www.color.org", "sRGB IEC61966-2.1",
                    ICC_Profile.getInstance(ColorSpace.CS_sRGB));
            writer.createXmpMetadata();
            return writer;
        } catch (IOException | com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("PDF 无法创建：" + e.getMessage(), e);
        }
    }
}
