package cn.zhibu.support;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.preflight.Format;
import org.apache.pdfbox.preflight.PreflightDocument;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What every PDF the platform makes must be, read back with PDFBox as an independent reader would: every font embedded
 * (a subset), the text extractable as the Chinese it was, and PDF/A-1b conformant.
 */
public final class PdfChecks {

    private PdfChecks() {
    }

    /** A font of the document: its name, whether its program is in the file, whether that is a subset. */
    public record FontUse(String name, boolean embedded) {
        public boolean subset() {
            return name != null && name.matches("[A-Z]{6}\\+.+");
        }
    }

    /** Every font named by any page, its form XObjects and its annotations' appearances. */
    public static List<FontUse> fonts(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<FontUse> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                collect(page.getResources(), fonts, 0);
                for (var annotation : page.getAnnotations()) {
                    var appearance = annotation.getNormalAppearanceStream();
                    if (appearance != null) {
                        collect(appearance.getResources(), fonts, 0);
                    }
                }
            }
            return fonts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(PDResources resources, List<FontUse> fonts, int depth) throws IOException {
        if (resources == null || depth > 8) {
            return;
        }
        for (var name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            fonts.add(new FontUse(font.getName(), font.isEmbedded()));
        }
        for (var name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDFormXObject form) {
                collect(form.getResources(), fonts, depth + 1);
            }
        }
    }

    /** The text of all pages. */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What keeps the file from being PDF/A-1b (ISO 19005-1 level B), by PDFBox Preflight; empty when it conforms. */
    public static List<String> pdfA1bProblems(byte[] pdf) {
        try (var parsed = (PreflightDocument) new PreflightParser(new RandomAccessReadBuffer(pdf)).parse(Format.PDF_A1B)) {
            ValidationResult result = parsed.validate();
            return result.getErrorsList().stream().filter(e -> !e.isWarning())
                    .map(e -> e.getErrorCode() + " " + e.getDetails()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
