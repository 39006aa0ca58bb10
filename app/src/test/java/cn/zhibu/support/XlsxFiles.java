package cn.zhibu.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hand-built .xlsx files for the upload bounds: the parts a spreadsheet needs, with the sheet and the shared strings
 * written by the test, so a part can be made as large (or as compressible) as the test needs without holding it.
 */
public final class XlsxFiles {

    /** Writes the body of a part (the XML inside its root element) to the stream. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private XlsxFiles() {
    }

    /** A workbook whose one sheet is {@code sheetData} (the rows) and whose shared strings are {@code strings}. */
    public static byte[] of(Body sheetData, Body strings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            part(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
                    </Types>""");
            part(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            part(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="党员信息" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            part(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            text(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
                    + "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            sheetData.write(zip);
            text(zip, "</sheetData></worksheet>");
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            text(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst "
                    + "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            strings.write(zip);
            text(zip, "</sst>");
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A row of inline-string cells, numbered from 1; column letters A, B, … */
    public static String row(int number, List<String> cells) {
        StringBuilder sb = new StringBuilder("<row r=\"" + number + "\">");
        for (int c = 0; c < cells.size(); c++) {
            sb.append("<c r=\"").append((char) ('A' + c)).append(number).append("\" t=\"inlineStr\"><is><t>")
                    .append(cells.get(c)).append("</t></is></c>");
        }
        return sb.append("</row>").toString();
    }

    /** A row of cells that refer to shared strings {@code first}, {@code first + 1}, … */
    public static String sharedRow(int number, int first, int count) {
        StringBuilder sb = new StringBuilder("<row r=\"" + number + "\">");
        for (int c = 0; c < count; c++) {
            sb.append("<c r=\"").append((char) ('A' + c)).append(number).append("\" t=\"s\"><v>").append(first + c)
                    .append("</v></c>");
        }
        return sb.append("</row>").toString();
    }

    /** A shared string of {@code length} copies of one character, written in pieces (never held whole). */
    public static void repeated(OutputStream out, char c, long length) throws IOException {
        text(out, "<si><t>");
        byte[] piece = String.valueOf(c).repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
        int perPiece = 1 << 16;
        for (long left = length; left > 0; left -= perPiece) {
            int n = (int) Math.min(perPiece, left);
            out.write(piece, 0, n * (piece.length / perPiece));
        }
        text(out, "</t></si>");
    }

    public static void text(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        text(zip, xml);
        zip.closeEntry();
    }
}
