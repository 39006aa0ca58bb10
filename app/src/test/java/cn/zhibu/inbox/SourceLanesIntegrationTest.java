package cn.zhibu.inbox;

import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.platform.inbox.InboxSource;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The inbox reads its sources in two lanes: every source is read once, in a read-only transaction, on the request's
 * thread or the pool's; the answers keep the sources' order; a source that fails fails the inbox.
 */
@IntegrationTest
class SourceLanesIntegrationTest {

    private static final InboxQuery QUERY = InboxQuery.asMember(TestData.SYSTEM, LocalDate.now(), 10);

    @Autowired SourceLanes lanes;

    @Test
    void every_source_is_read_once_in_a_read_only_transaction_and_the_answers_keep_their_order() {
        List<String> threads = java.util.Collections.synchronizedList(new ArrayList<>());
        List<SourceLanes.Read> reads = IntStream.range(0, 7).mapToObj(i -> new SourceLanes.Read(QUERY, query -> {
            assertThat(TransactionSynchronizationManager.isCurrentTransactionReadOnly()).isTrue();
            threads.add(Thread.currentThread().getName());
            return List.of(InboxItem.of("测试", "第" + i + "项", "某人").link("/inbox").build());
        })).toList();

        List<List<InboxItem>> found = lanes.items(reads);

        assertThat(found).hasSize(7);
        assertThat(found.stream().map(items -> items.get(0).title()).toList())
                .containsExactly("第0项", "第1项", "第2项", "第3项", "第4项", "第5项", "第6项");
        assertThat(threads).hasSize(7).contains(Thread.currentThread().getName());
    }

    @Test
    void a_source_that_fails_fails_the_inbox_with_its_own_exception() {
        InboxSource fine = query -> List.of();
        InboxSource broken = query -> {
            throw new IllegalStateException("来源出错");
        };
        assertThatThrownBy(() -> lanes.items(List.of(new SourceLanes.Read(QUERY, fine), new SourceLanes.Read(QUERY, broken))))
                .isInstanceOf(IllegalStateException.class).hasMessage("来源出错");
        assertThatThrownBy(() -> lanes.items(List.of(new SourceLanes.Read(QUERY, broken), new SourceLanes.Read(QUERY, fine))))
                .isInstanceOf(IllegalStateException.class).hasMessage("来源出错");
    }
}
