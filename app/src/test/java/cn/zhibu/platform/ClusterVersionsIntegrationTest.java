package cn.zhibu.platform;

import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read cache's versions shared between app nodes (issue 16): a second node on the same database — its own
 * {@link DataChanges} and {@link ClusterVersions}, as another JVM would have — sees this node's committed writes and
 * this node sees its, within seconds; a rolled-back write moves nothing elsewhere; a node that lost its listening
 * connection counts the gap as a change of anything and listens again.
 */
@IntegrationTest
class ClusterVersionsIntegrationTest {

    private static final long WAIT_MS = 10_000;

    @Autowired DataSource dataSource;
    @Autowired DataChanges changes;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    DataChanges otherChanges;
    ClusterVersions otherNode;

    @BeforeEach
    void anotherNode() {
        otherChanges = new DataChanges();
        otherNode = new ClusterVersions(dataSource, otherChanges, true);
        otherNode.start();
        assertThat(otherNode.listening()).as("listening once started").isTrue();
    }

    @AfterEach
    void stop() {
        otherNode.stop();
    }

    @Test
    void a_write_committed_here_moves_the_other_nodes_version_of_its_subtree() {
        assertTheOtherNodeHears(new TreePath("/900001/900002/"));
    }

    @Test
    void a_write_committed_on_the_other_node_moves_this_nodes_version() {
        TreePath place = new TreePath("/900011/");
        long before = changes.versionOf(List.of(place));
        otherChanges.touched(place); // outside a transaction: a change that took effect
        assertThat(awaitAbove(() -> changes.versionOf(List.of(place)), before)).isGreaterThan(before);
    }

    @Test
    void what_a_node_sends_is_its_committed_writes_only() {
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        // the other node's outbox replaced by a recorder; its transactions are its begin/end callbacks
        otherChanges.shareWith((paths, anything) -> sent.add(anything ? "*" : String.join(",", paths)));
        transaction(false, "/900021/", false); // rolled back
        transaction(true, null, true); // a read
        transaction(false, "/900022/", true);
        transaction(false, null, true); // a write that declares nothing: anything may have changed
        assertThat(sent).containsExactly("/900022/", "*");
    }

    @Test
    void a_node_that_lost_its_connection_counts_the_gap_as_anything_and_listens_again() {
        long before = otherChanges.latest();
        int killed = jdbc.sql("""
                        select count(pg_terminate_backend(pid)) from pg_stat_activity
                        where query = 'listen zhibu_changes' and pid <> pg_backend_pid()""")
                .query(Integer.class).single();
        assertThat(killed).as("this node's listener and the other's").isGreaterThanOrEqualTo(2);
        assertThat(awaitAbove(otherChanges::latest, before)).isGreaterThan(before);
        assertThat(awaitAbove(() -> otherNode.listening() ? 1 : 0, 0)).as("listening again").isEqualTo(1);
        assertTheOtherNodeHears(new TreePath("/900031/"));
    }

    @Test
    void a_batch_is_one_notification_of_its_paths_or_of_anything() {
        var two = List.of(new ClusterVersions.Change(List.of("/1/2/"), false),
                new ClusterVersions.Change(List.of("/1/3/", "/1/2/"), false));
        assertThat(ClusterVersions.payload("n1", two)).isEqualTo("n1|/1/2/,/1/3/");
        var withAnything = List.of(new ClusterVersions.Change(List.of("/1/2/"), false),
                new ClusterVersions.Change(List.of(), true));
        assertThat(ClusterVersions.payload("n1", withAnything)).isEqualTo("n1|*");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            many.add("/1/" + (100_000 + i) + "/");
        }
        assertThat(ClusterVersions.payload("n1", List.of(new ClusterVersions.Change(many, false))))
                .as("more paths than a notification holds").isEqualTo("n1|*");
    }

    /** One transaction of the other node, told by its begin and end callbacks. */
    private void transaction(boolean readOnly, String touched, boolean committed) {
        Object tx = new Object();
        otherChanges.began(tx, "test", readOnly);
        if (touched != null) {
            otherChanges.touched(touched);
        }
        otherChanges.ended(tx, committed);
    }

    /** A write transaction committed on this node that changed {@code place} moves the other node's version of it. */
    private void assertTheOtherNodeHears(TreePath place) {
        long before = otherChanges.versionOf(List.of(place));
        transactions.execute(status -> {
            changes.touched(place);
            return null;
        });
        assertThat(awaitAbove(() -> otherChanges.versionOf(List.of(place)), before)).isGreaterThan(before);
    }

    private static long awaitAbove(LongSupplier version, long before) {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        long now = version.getAsLong();
        while (now <= before && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            now = version.getAsLong();
        }
        return now;
    }
}
