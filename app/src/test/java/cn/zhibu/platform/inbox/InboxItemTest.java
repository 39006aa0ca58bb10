package cn.zhibu.platform.inbox;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Items cite their rule by id and article, and sort most urgent first: overdue, then by date, undated last. */
class InboxItemTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private static InboxItem item(String title, LocalDate date, boolean mine) {
        return InboxItem.of("测试", title, "某人").due(date, TODAY).mine(mine).link("/x").build();
    }

    @Test
    void D3_a_rule_text_gives_its_id_and_article() {
        InboxItem i = InboxItem.of("发展党员", "第2步 党组织派人谈话", "某人")
                .rule("D3 收到入党申请书后一个月内派人谈话（第七条）").link("/admission/cases/1").build();
        assertThat(i.rule()).isEqualTo("D3");
        assertThat(i.article()).isEqualTo("《中国共产党发展党员工作细则》第七条");
        assertThat(RuleArticles.of("R4")).isEqualTo("《中国共产党党员教育管理工作条例》第二十五条");
        assertThat(RuleArticles.of("X9")).isNull();
        assertThat(RuleArticles.of(null)).isNull();
    }

    @Test
    void overdue_first_then_by_date_then_what_is_mine_and_undated_last() {
        List<InboxItem> items = new ArrayList<>(List.of(item("无期限", null, true), item("下周", TODAY.plusDays(7), false),
                item("明天-关注", TODAY.plusDays(1), false), item("明天-我的", TODAY.plusDays(1), true),
                item("已逾期", TODAY.minusDays(3), false)));
        items.sort(InboxItem.URGENCY);
        assertThat(items).extracting(InboxItem::title).containsExactly("已逾期", "明天-我的", "明天-关注", "下周", "无期限");
        assertThat(items.get(0).overdue()).isTrue();
        assertThat(item("今天", TODAY, true).overdue()).isFalse();
        assertThat(InboxItem.of("测试", "起", "某人").from(TODAY.minusDays(1)).link("/x").build().overdue()).isFalse();
    }
}
