package cn.zhibu.platform;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Download names come from user data: they never break the Content-Disposition header. */
class DownloadsTest {

    @Test
    void a_name_with_line_breaks_quotes_and_slashes_becomes_a_safe_rfc_6266_header() {
        var response = Downloads.attachment("花名册-一支部\r\nX-Injected: 1\"../x.xlsx", MediaType.TEXT_PLAIN, "x");
        String header = response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(header).startsWith("attachment; ").doesNotContain("\r").doesNotContain("\n")
                .contains("filename*=UTF-8''%E8%8A%B1%E5%90%8D%E5%86%8C-%E4%B8%80%E6%94%AF%E9%83%A8__X-Injected%3A%201_.._x.xlsx");
        assertThat(Downloads.safeName("a\u202Eb\u0000c")).isEqualTo("a_b_c");
    }

    @Test
    void a_long_name_keeps_its_extension_and_an_empty_one_gets_a_name() {
        String name = Downloads.safeName("党".repeat(300) + ".xlsx");
        assertThat(name).endsWith(".xlsx").hasSize(120);
        assertThat(Downloads.safeName("  ")).isEqualTo("download");
        assertThat(Downloads.safeName(null)).isEqualTo("download");
    }

    @Test
    void letters_are_shown_inline() {
        var response = Downloads.inline("组织关系介绍信-ZB2026.pdf", MediaType.APPLICATION_PDF, new byte[0]);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline; ");
    }
}
