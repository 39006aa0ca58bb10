package cn.zhibu.platform;

import com.lowagie.text.pdf.BaseFont;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one font of every PDF the platform makes: Noto Serif CJK SC (SIL Open Font License, shipped in the jar under
 * {@code /fonts}, see the README there). OpenPDF embeds only the glyphs a document uses (a subset), so a letter reads
 * the same on a machine without Chinese fonts as on one with them — never a font the viewer must supply (the
 * unembedded STSong-Light the letter used before rendered as boxes there).
 */
public final class PdfFonts {

    private static final String FILE = "NotoSerifCJKsc-Regular-subset.otf";

    private PdfFonts() {
    }

    /**
     * The serif (宋体-style) face, horizontal Unicode encoding, embedded as a subset. A new instance for each
     * document: OpenPDF reads the font program through a cursor held by the instance when it writes the subset, so
     * one shared instance is unsafe for two documents written at once. Parsing takes a few milliseconds once warm;
     * the 9 MB program itself is read from the jar once.
     */
    public static BaseFont serif() {
        try {
            return BaseFont.createFont(FILE, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, Program.BYTES, null);
        } catch (IOException | com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("PDF 字体 " + FILE + " 无法加载", e);
        }
    }

    /** The font program, read on first use (holder idiom: no PDF, no 9 MB in memory). */
    private static final class Program {
        static final byte[] BYTES = read();

        private static byte[] read() {
            try (InputStream in = PdfFonts.class.getResourceAsStream("/fonts/" + FILE)) {
                if (in == null) {
                    throw new IllegalStateException("PDF 字体 /fonts/" + FILE + " 不在类路径上");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
