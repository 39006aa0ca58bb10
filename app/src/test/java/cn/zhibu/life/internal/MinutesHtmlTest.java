package cn.zhibu.life.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The minutes keep their formatting and lose everything that could run, load or restyle the page. */
class MinutesHtmlTest {

    @Test
    void scripts_are_removed_with_their_content() {
        String clean = MinutesHtml.sanitize("<p>会议开始</p><script>alert('x')</script><SCRIPT src=//evil.example/x.js></SCRIPT>");
        assertThat(clean).isEqualTo("<p>会议开始</p>");
    }

    @Test
    void event_handlers_and_images_are_removed() {
        assertThat(MinutesHtml.sanitize("<img src=x onerror=alert(1)><p onclick=\"steal()\" onmouseover=x>发言</p>"))
                .isEqualTo("<p>发言</p>");
        assertThat(MinutesHtml.sanitize("<svg onload=alert(1)><p>甲</p></svg><iframe src=\"/\"></iframe>"))
                .doesNotContain("svg", "onload", "iframe").contains("甲");
    }

    @Test
    void javascript_and_data_links_lose_their_address() {
        String clean = MinutesHtml.sanitize("<a href=\"javascript:alert(1)\">点我</a><a href=\"JaVaScRiPt:alert(1)\">二</a>"
                + "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">三</a>");
        assertThat(clean).doesNotContainIgnoringCase("javascript").doesNotContain("data:").doesNotContain("href")
                .contains("点我", "二", "三");
    }

    @Test
    void style_and_class_attributes_and_forms_are_removed() {
        String clean = MinutesHtml.sanitize("<p style=\"position:fixed;top:0\" class=\"x\" id=\"y\">正文</p>"
                + "<style>body{display:none}</style><form action=/logout><input name=a><button>提交</button></form>");
        assertThat(clean).isEqualTo("<p>正文</p>提交");
    }

    @Test
    void allowed_formatting_is_kept_and_links_get_rel_nofollow() {
        String html = "<h2>一、学习内容</h2><p><strong>重点</strong>和<em>要求</em>，<u>下划线</u></p>"
                + "<ol><li>第一项</li></ol><ul><li>甲</li><li>乙</li></ul><blockquote>引文</blockquote>"
                + "<table><thead><tr><th>姓名</th></tr></thead><tbody><tr><td colspan=\"2\">张三</td></tr></tbody></table>"
                + "<p><a href=\"https://www.12371.cn/\">共产党员网</a><br></p>";
        String clean = MinutesHtml.sanitize(html);
        assertThat(clean).contains("<h2>一、学习内容</h2>", "<strong>重点</strong>", "<em>要求</em>", "<u>下划线</u>",
                "<ol><li>第一项</li></ol>", "<ul><li>甲</li><li>乙</li></ul>", "<blockquote>引文</blockquote>",
                "<th>姓名</th>", "<td colspan=\"2\">张三</td>", "<br />");
        assertThat(clean).containsPattern("<a href=\"https://www\\.12371\\.cn/\" rel=\"nofollow\">共产党员网</a>");
        assertThat(MinutesHtml.sanitize(clean)).as("sanitising twice changes nothing").isEqualTo(clean);
    }

    @Test
    void minutes_without_text_are_blank() {
        assertThat(MinutesHtml.blank(null)).isTrue();
        assertThat(MinutesHtml.blank("<p><br></p>")).isTrue();
        assertThat(MinutesHtml.blank("<p>&nbsp;</p><script>x</script>")).isTrue();
        assertThat(MinutesHtml.blank("<p>议程</p>")).isFalse();
    }
}
