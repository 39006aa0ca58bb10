package cn.zhibu.platform;

import cn.zhibu.support.XlsxFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import static cn.zhibu.support.XlsxFiles.row;
import static cn.zhibu.support.XlsxFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The upload bounds of an .xlsx, each refused with its reason before any spreadsheet library opens the file. */
class XlsxGuardTest {

    private static final XlsxGuard.Limits LIMITS = new XlsxGuard.Limits(20, 8L << 20, 12L << 20, 100, 5, 10, 50);

    @TempDir
    Path dir;

    private Path file(byte[] content) throws IOException {
        return Files.write(dir.resolve("upload.xlsx"), content);
    }

    private static byte[] rows(int n, String cell) {
        return XlsxFiles.of(out -> {
            for (int r = 1; r <= n; r++) {
                text(out, row(r, List.of("名称", cell)));
            }
        }, out -> { });
    }

    @Test
    void a_workbook_within_every_limit_passes() throws IOException {
        assertThatCode(() -> XlsxGuard.check(file(rows(5, "四十九个字以内")), "file", LIMITS)).doesNotThrowAnyException();
    }

    @Test
    void an_html_page_named_xlsx_is_refused_as_unsupported_content() throws IOException {
        byte[] html = "<html><body>不是表格</body></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> XlsxGuard.check(file(html), "file", LIMITS))
                .isInstanceOf(UnsupportedContentException.class).hasMessageContaining("不是 Excel 工作簿");
    }

    @Test
    void more_rows_than_allowed_are_refused_as_too_large() throws IOException {
        assertThatThrownBy(() -> XlsxGuard.check(file(rows(6, "x")), "file", LIMITS))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("工作表超过5行");
    }

    @Test
    void a_cell_longer_than_any_field_is_refused_naming_the_cell() throws IOException {
        assertThatThrownBy(() -> XlsxGuard.check(file(rows(2, "长".repeat(51))), "file", LIMITS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("单元格“B1”的内容超过50个字符");
    }

    @Test
    void too_many_shared_strings_or_a_long_one_are_refused() throws IOException {
        byte[] many = XlsxFiles.of(out -> { }, out -> {
            for (int i = 0; i < 11; i++) {
                text(out, "<si><t>项" + i + "</t></si>");
            }
        });
        assertThatThrownBy(() -> XlsxGuard.check(file(many), "file", LIMITS))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("超过10项");
        byte[] longOne = XlsxFiles.of(out -> { }, out -> text(out, "<si><r><t>" + "甲".repeat(30) + "</t></r><r><t>"
                + "乙".repeat(30) + "</t></r></si>"));
        assertThatThrownBy(() -> XlsxGuard.check(file(longOne), "file", LIMITS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("第1项文字超过50个字符");
    }

    @Test
    void a_part_that_declares_a_hundredfold_expansion_is_a_zip_bomb_refused_before_unpacking() throws IOException {
        // 4 MB of one letter packs to a few KB
        byte[] bomb = XlsxFiles.of(out -> { }, out -> XlsxFiles.repeated(out, 'a', 4L << 20));
        assertThatThrownBy(() -> XlsxGuard.check(file(bomb), "file", LIMITS))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("膨胀超过100倍");
    }

    @Test
    void a_bomb_that_lies_about_its_size_is_caught_by_counting_what_it_unpacks() throws IOException {
        byte[] bomb = declaredSize(XlsxFiles.of(out -> { }, out -> XlsxFiles.repeated(out, 'a', 4L << 20)),
                "xl/sharedStrings.xml", 1000);
        XlsxGuard.Limits longCells = new XlsxGuard.Limits(20, 8L << 20, 12L << 20, 100, 5, 10, Integer.MAX_VALUE);
        assertThatThrownBy(() -> XlsxGuard.check(file(bomb), "file", longCells))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("膨胀超过100倍");
        XlsxGuard.Limits noRatio = new XlsxGuard.Limits(20, 1L << 20, 12L << 20, Integer.MAX_VALUE, 5, 10,
                Integer.MAX_VALUE);
        assertThatThrownBy(() -> XlsxGuard.check(file(bomb), "file", noRatio))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("单个部件超过1 MB");
    }

    /** The archive with one entry's uncompressed size in the central directory replaced by {@code size}. */
    private static byte[] declaredSize(byte[] zip, String entry, int size) {
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 < zip.length; i++) {
            if (b.getInt(i) == 0x02014b50 && b.getShort(i + 28) == name.length
                    && Arrays.equals(zip, i + 46, i + 46 + name.length, name, 0, name.length)) {
                b.putInt(i + 24, size);
                return zip;
            }
        }
        throw new IllegalArgumentException(entry);
    }
}
