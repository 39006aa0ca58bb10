package cn.zhibu.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Shares {@link DataChanges}' versions between app nodes through PostgreSQL's {@code LISTEN}/{@code NOTIFY}, so that
 * a node's read cache and ETags move when another node's write commits (within some tens of milliseconds: changes
 * are gathered for {@link #GATHER_MS} into one notification) instead of after the cache's maximum age. Sent after
 * the commit from a thread of its own, so that no write waits for it nor serialises its commit on the notification
 * queue (PostgreSQL takes a database-wide lock to commit a transaction that notifies).
 * A node that was not listening for a while (a lost connection) counts that gap as a change of anything.
 * <p>
 * A notification is {@code <node>|*} or {@code <node>|<path>,<path>…} (the paths hold only digits and slashes), at
 * most {@link #MAX_PAYLOAD} characters (PostgreSQL allows 8,000 bytes): more paths than fit are sent as {@code *}. A
 * node skips its own.
 */
@Component
class ClusterVersions implements SmartLifecycle {

    static final String CHANNEL = "zhibu_changes";
    private static final int MAX_PAYLOAD = 7_900;
    private static final String ANYTHING = "*";
    /**
     * How long the first change of a batch waits for others: one notification then carries the commits of that
     * time (measured by hand at 5 M members: one notification a write cost PostgreSQL 0.25 ms a write, 20% more).
     */
    private static final long GATHER_MS = 25;
    private static final Logger LOG = LoggerFactory.getLogger(ClusterVersions.class);

    private final DataSource dataSource;
    private final DataChanges changes;
    private final boolean enabled;
    private final String node = newNodeId();
    private final BlockingQueue<Change> outgoing = new LinkedBlockingQueue<>(100_000);
    private volatile boolean running;
    private volatile boolean listening;
    /** Changes were dropped (the queue was full): the next notification says "anything". */
    private volatile boolean overflowed;
    private Thread sender;
    private Thread listener;

    record Change(Collection<String> paths, boolean anything) {
    }

    ClusterVersions(DataSource dataSource, DataChanges changes,
                    @Value("${zhibu.cluster.share-versions:true}") boolean enabled) {
        this.dataSource = dataSource;
        this.changes = changes;
        this.enabled = enabled;
    }

    /** Whether this node is listening to the others now (the tests wait for it). */
    boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        changes.shareWith((paths, anything) -> {
            if (!outgoing.offer(new Change(paths, anything))) {
                overflowed = true;
            }
        });
        // listening before start() returns, so that no commit of another node from then on is missed
        Connection first;
        try {
            first = listeningConnection();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("未能收听其他节点的数据变更，稍后重试：{}", e.toString());
            first = null;
        }
        Connection listeningOn = first;
        sender = daemon("cluster-versions-send", this::sendLoop);
        listener = daemon("cluster-versions-listen", () -> listenLoop(listeningOn));
    }

    private static String newNodeId() {
        byte[] id = new byte[6];
        new SecureRandom().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private static Thread daemon(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void stop() {
        running = false;
        changes.shareWith(null);
        for (Thread thread : Arrays.asList(sender, listener)) {
            if (thread != null) {
                thread.interrupt();
                try {
                    thread.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before the connection pool closes, started after everything else is ready. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1_000;
    }

    private void sendLoop() {
        while (running) {
            try {
                Change first = outgoing.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                Thread.sleep(GATHER_MS);
                List<Change> batch = new ArrayList<>();
                batch.add(first);
                outgoing.drainTo(batch);
                if (overflowed) {
                    overflowed = false;
                    LOG.warn("集群版本通知积压，已合并为一次“全部变更”通知");
                    batch.add(new Change(List.of(), true));
                }
                send(payload(node, batch));
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.warn("集群版本通知未能发出（其他节点的读缓存最长在其有效期后更新）：{}", e.toString());
            }
        }
    }

    private void send(String payload) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, payload);
            ps.executeQuery().close();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    /** A batch of committed changes as one notification: the paths of all, or {@code *} when any was of anything. */
    static String payload(String node, List<Change> batch) {
        Set<String> paths = new LinkedHashSet<>();
        for (Change change : batch) {
            if (change.anything()) {
                return node + "|" + ANYTHING;
            }
            paths.addAll(change.paths());
        }
        StringBuilder all = new StringBuilder(node).append('|');
        for (String path : paths) {
            if (all.length() + path.length() + 1 > MAX_PAYLOAD) {
                return node + "|" + ANYTHING;
            }
            if (all.charAt(all.length() - 1) != '|') {
                all.append(',');
            }
            all.append(path);
        }
        return all.toString();
    }

    private void listenLoop(Connection first) {
        Connection c = first;
        while (running) {
            try {
                if (c == null) {
                    c = listeningConnection();
                    // whatever another node committed while this one was not listening is unknown: count it as anything
                    changes.changedOnAnotherNode(List.of(), true);
                }
                receive(c);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("未能收听其他节点的数据变更，1 秒后重试（此间本节点的读缓存最长在其有效期后更新）：{}", e.toString());
                    pause();
                }
            } finally {
                if (c != null) {
                    release(c);
                    c = null;
                }
            }
        }
    }

    private Connection listeningConnection() throws SQLException {
        Connection c = ownConnection();
        try (Statement s = c.createStatement()) {
            s.execute("listen " + CHANNEL);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            listening = true;
            return c;
        } catch (SQLException | RuntimeException e) {
            release(c);
            throw e;
        }
    }

    private void receive(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
            PGNotification[] received = pg.getNotifications(1_000);
            if (received != null) {
                for (PGNotification n : received) {
                    apply(n.getParameter());
                }
            }
        }
    }

    private void apply(String payload) {
        int bar = payload.indexOf('|');
        if (bar < 0 || payload.substring(0, bar).equals(node)) {
            return;
        }
        String body = payload.substring(bar + 1);
        if (body.equals(ANYTHING) || body.isEmpty()) {
            changes.changedOnAnotherNode(List.of(), true);
        } else {
            changes.changedOnAnotherNode(List.of(body.split(",")), false);
        }
    }

    /**
     * A connection of its own beside the pool (it is held for as long as the node runs), when the pool says how to
     * open one; otherwise one of the pool's.
     */
    private Connection ownConnection() throws SQLException {
        if (dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        return dataSource.getConnection();
    }

    /** Closed, or back to the pool, where it must not go on collecting notifications. */
    private void release(Connection c) {
        listening = false;
        try (c; Statement s = c.createStatement()) {
            s.execute("unlisten *");
        } catch (SQLException e) {
            // a broken connection: the pool discards it
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
