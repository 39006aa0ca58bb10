package cn.zhibu.platform;

import cn.zhibu.support.PdfChecks;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's PDF font and archival writer, without the application: what any document made with them is. */
class PdfFontsTest {

    /** Rare name characters (Extension A 㛃, the basic block's 堃喆赟玥), a minority name's ·, Chinese punctuation. */
    private static final String TEXT = "中国共产党党员组织关系介绍信：王堃、李喆、张赟、陈玥、刘㛃，"
            + "阿卜杜·热合曼同志（男，35岁）。《党章》“第一条”——2026年11月";

    @Test
    void a_document_embeds_a_subset_of_the_font_and_its_text_reads_back_as_chinese() {
        byte[] pdf = document(TEXT);
        assertThat(PdfChecks.fonts(pdf)).isNotEmpty().allSatisfy(font -> {
            assertThat(font.embedded()).as("%s embedded", font.name()).isTrue();
            assertThat(font.subset()).as("%s is a subset (ABCDEF+)", font.name()).isTrue();
            assertThat(font.name()).contains("NotoSerifCJKsc");
        });
        assertThat(PdfChecks.text(pdf).replaceAll("\\s", "")).contains(TEXT.replaceAll("\\s", ""));
        // only the glyphs used: a letter is a few hundred KB, not the 9 MB font
        assertThat(pdf.length).isLessThan(600_000);
    }

    @Test
    void the_archival_writer_makes_pdf_a_1b() {
        assertThat(PdfChecks.pdfA1bProblems(document(TEXT))).isEmpty();
    }

    @Test
    void the_checks_catch_what_the_letter_was_before_an_unembedded_font_and_no_pdf_a() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document();
        com.lowagie.text.pdf.PdfWriter.getInstance(doc, out);
        doc.open();
        var song = com.lowagie.text.pdf.BaseFont.createFont("STSong-Light", "UniGB-UCS2-H",
                com.lowagie.text.pdf.BaseFont.NOT_EMBEDDED);
        doc.add(new Paragraph(TEXT, new Font(song, 12)));
        doc.close();
        assertThat(PdfChecks.fonts(out.toByteArray())).extracting(PdfChecks.FontUse::embedded).containsOnly(false);
        assertThat(PdfChecks.pdfA1bProblems(out.toByteArray())).isNotEmpty();
    }

    @Test
    void two_documents_written_at_once_each_embed_their_own_glyphs() throws Exception {
        var executor = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<byte[]>>();
            for (int i = 0; i < 8; i++) {
                String text = "第" + i + "份：" + "组织关系".repeat(i + 1);
                futures.add(executor.submit(() -> document(text)));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(PdfChecks.text(futures.get(i).get())).contains("第" + i + "份：");
            }
        } finally {
            executor.shutdown();
        }
    }

    /** The pattern, not one case: a new PDF generator (a transcript, a certificate) gets the font and PDF/A here. */
    @Test
    void every_pdf_generator_uses_the_platforms_font_and_archival_writer() throws Exception {
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            var offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith("PdfFonts.java") && !f.endsWith("ArchivalPdf.java"))
                    .filter(f -> {
                        try {
                            String source = java.nio.file.Files.readString(f);
                            return source.contains("BaseFont.createFont(") || source.contains("PdfWriter.getInstance(");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
            assertThat(offenders).as("use PdfFonts.serif() and ArchivalPdf.open(...)").isEmpty();
        }
    }

    private static byte[] document(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document();
        doc.addTitle("测试文书");
        ArchivalPdf.open(doc, out);
        doc.add(new Paragraph(text, new Font(PdfFonts.serif(), 12)));
        doc.add(new Paragraph("标题（粗体）", new Font(PdfFonts.serif(), 16, Font.BOLD)));
        doc.close();
        return out.toByteArray();
    }
}
