package cn.zhibu.platform.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The one text policy, kind by kind, and the date bounds: what each refuses, with a message naming the field. */
class TextKindTest {

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "NAME  | 'a\\u0000b'       | 姓名不能含有空字符（NUL）（第2个字符）",
            "NOTE  | 'a\\u0000b'       | 姓名不能含有空字符（NUL）（第2个字符）",
            "NAME  | 'a\\u0007b'       | 姓名不能含有控制字符（第2个字符）",
            "LONG  | 'a\\u001bb'       | 姓名不能含有控制字符（第2个字符）",
            "NAME  | 'a\\u0085b'       | 姓名不能含有控制字符（第2个字符）",
            "NAME  | 'a\\nb'           | 姓名不能换行或含制表符（第2个字符）",
            "SHORT | 'a\\tb'           | 姓名不能换行或含制表符（第2个字符）",
            "NAME  | 'a\\rb'           | 姓名不能换行或含制表符（第2个字符）",
            "NAME  | 'a\\u2028b'       | 姓名不能换行（第2个字符）",
            "NOTE  | 'a\\u2029b'       | 姓名不能含有 Unicode 行分隔符，请直接换行（第2个字符）",
            "NAME  | '张\\u202e三'     | 姓名不能含有改变文字方向的控制符（第2个字符）",
            "NOTE  | '张\\u2066三'     | 姓名不能含有改变文字方向的控制符（第2个字符）",
            "LONG  | 'x\\ud800'        | 姓名含有无效字符（第2个字符）",
    })
    void refuses_what_the_policy_forbids_and_names_the_field(TextKind kind, String escaped, String message) {
        assertThat(kind.problem("姓名", unescape(escaped))).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0} allows {1}")
    @CsvSource(delimiter = '|', value = {
            "NOTE  | '第一行\\r\\n第二行\\t缩进'",
            "LONG  | '第一行\\n\\n第三行'",
            "NAME  | '阿卜杜拉·买买提'",
            "NAME  | 'عبد الله'",
            "NAME  | '  张三\\u3000'",
            "SHORT | '𠀀𠀁 (two characters outside the BMP)'",
    })
    void allows_ordinary_text(TextKind kind, String escaped) {
        assertThat(kind.problem("字段", unescape(escaped))).isNull();
    }

    @Test
    void lengths_are_counted_in_characters_as_stored() {
        assertThat(TextKind.NAME.problem("组织名称", "党".repeat(100))).isNull();
        assertThat(TextKind.NAME.problem("组织名称", "党".repeat(101))).isEqualTo("组织名称不能超过100个字（现有101个字）");
        assertThat(TextKind.NAME.problem("组织名称", " " + "党".repeat(100) + "\u3000")).isNull();
        assertThat(TextKind.SHORT.problem("标题", "𠀀".repeat(200))).isNull();
        assertThat(TextKind.NOTE.problem("原因", "x".repeat(1_001))).contains("不能超过1000个字");
        assertThat(TextKind.LONG.problem("公示内容", "x".repeat(10_001))).contains("不能超过10000个字");
        assertThat(TextKind.NAME.problem("姓名", null)).isNull();
    }

    @Test
    void normalizing_trims_unicode_white_space_and_makes_line_breaks_lf() {
        assertThat(TextKind.normalize("\u3000 张三 \t\n")).isEqualTo("张三");
        assertThat(TextKind.normalize("一\r\n二\r三")).isEqualTo("一\n二\n三");
        assertThat(TextKind.normalize(null)).isNull();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "+999999999-12-31 | 任期届满日期不能晚于2100年12月31日",
            "-999999999-01-01 | 任期届满日期不能早于1900年1月1日",
            "1899-12-31       | 任期届满日期不能早于1900年1月1日",
            "2101-01-01       | 任期届满日期不能晚于2100年12月31日",
    })
    void dates_outside_sense_are_refused(String date, String message) {
        assertThat(SensibleDate.Check.problem("任期届满日期", LocalDate.parse(date))).isEqualTo(message);
    }

    @Test
    void dates_within_sense_pass() {
        assertThat(SensibleDate.Check.problem("入党日期", LocalDate.of(1900, 1, 1))).isNull();
        assertThat(SensibleDate.Check.problem("期限", LocalDate.of(2100, 12, 31))).isNull();
        assertThat(SensibleDate.Check.problem("期限", null)).isNull();
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
