package cn.zhibu.platform;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads are recognised by their bytes: each accepted kind by its signature, anything else by none. */
class FileContentTest {

    private static byte[] zip(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] office(String mainType) throws IOException {
        return zip("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                + "package/2006/content-types\"><Override PartName=\"/main.xml\" ContentType=\"" + mainType + "\"/></Types>");
    }

    private static byte[] ole(String stream) {
        byte[] bytes = new byte[1024];
        byte[] header = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1};
        System.arraycopy(header, 0, bytes, 0, header.length);
        byte[] name = stream.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(name, 0, bytes, 512, name.length);
        return bytes;
    }

    @Test
    void each_accepted_kind_is_known_by_its_signature() throws IOException {
        assertThat(FileContent.detect("%PDF-1.7\n…".getBytes(StandardCharsets.UTF_8))).contains(FileKind.PDF);
        assertThat(FileContent.detect(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0})).contains(FileKind.PNG);
        assertThat(FileContent.detect(new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0})).contains(FileKind.JPEG);
        assertThat(FileContent.detect(ole("WordDocument"))).contains(FileKind.DOC);
        assertThat(FileContent.detect(ole("Workbook"))).contains(FileKind.XLS);
        assertThat(FileContent.detect(office(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"))).contains(FileKind.DOCX);
        assertThat(FileContent.detect(office(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"))).contains(FileKind.XLSX);
        assertThat(FileContent.detect(zip("OFD.xml", "<ofd:OFD/>"))).contains(FileKind.OFD);
    }

    @Test
    void anything_else_is_none_of_them_whatever_its_name() throws IOException {
        assertThat(FileContent.detect("<!DOCTYPE html><html>%PDF-1.4</html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(FileContent.detect(new byte[0])).isEmpty();
        assertThat(FileContent.detect(zip("word/document.xml", "<w:document/>"))).isEmpty();
        assertThat(FileContent.detect(ole("SummaryInformation"))).isEmpty();
        // a macro-enabled workbook is not an .xlsx
        assertThat(FileContent.detect(office("application/vnd.ms-excel.sheet.macroEnabled.main+xml"))).isEmpty();
    }

    @Test
    void a_damaged_archive_is_none_of_them_not_an_error() throws IOException {
        byte[] damaged = zip("word/document.xml", "<w:document/>");
        damaged[30] = (byte) 0xff; // the first byte of the entry's name: no longer UTF-8
        assertThat(FileContent.detect(damaged)).isEmpty();
    }
}
