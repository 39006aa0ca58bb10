package cn.zhibu.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * What committed writes changed, as versions that readers compare: the key of the API's read cache and ETags. A
 * write transaction that declares the organization paths it changed ({@link #touched(String)}) moves only the
 * versions of those subtrees and their ancestors; one that declares nothing moves every version, so a module that
 * never heard of this class is still never served stale. Read-only transactions move nothing.
 *
 * <p>Transactions are followed through Spring's transaction listener ({@code WriteTransactionListener}); the
 * versions are this node's, and {@code ClusterVersions} moves them for other nodes' commits (PostgreSQL
 * {@code NOTIFY}); the read cache's short maximum age bounds what a lost notification can leave stale.
 */
@Component
public class DataChanges {

    private static final Logger LOG = LoggerFactory.getLogger(DataChanges.class);

    private final ChangeStamps stamps = new ChangeStamps();
    private final ThreadLocal<Deque<OpenTransaction>> open = ThreadLocal.withInitial(ArrayDeque::new);
    /** Changes recorded on this thread (declared, or committed by a write transaction): see {@link #recordedHere()}. */
    private final ThreadLocal<long[]> recorded = ThreadLocal.withInitial(() -> new long[1]);
    /** Where this node's committed changes go besides its own versions: the other nodes. */
    private volatile Outbox outbox;

    /** Receives this node's committed changes, after they moved its versions. */
    interface Outbox {
        void committed(Collection<String> paths, boolean anything);
    }

    /** {@code null}: this node's changes go nowhere else. */
    void shareWith(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A change another node committed. */
    void changedOnAnotherNode(Collection<String> paths, boolean anything) {
        move(paths, anything);
    }

    private void changedHere(Collection<String> paths, boolean anything) {
        move(paths, anything);
        Outbox to = outbox;
        if (to != null) {
            to.committed(paths, anything);
        }
    }

    private void move(Collection<String> paths, boolean anything) {
        if (anything) {
            stamps.anything();
        } else {
            stamps.changed(paths);
        }
    }

    /**
     * Declares that the current write transaction changed data of the organization at {@code path} (its subtree
     * and the counts above it). Outside a transaction, call it after the write: it takes effect at once.
     */
    public void touched(String path) {
        OpenTransaction writing = innermostWriting();
        if (writing == null) {
            changedHere(List.of(path), false);
            recorded.get()[0]++;
        } else {
            writing.paths.add(path);
        }
    }

    public void touched(TreePath path) {
        touched(path.value());
    }

    /** Declares a change that may show anywhere (settings, calendars, roles …). */
    public void touchedAnything() {
        OpenTransaction writing = innermostWriting();
        if (writing == null) {
            changedHere(List.of(), true);
            recorded.get()[0]++;
        } else {
            writing.anything = true;
        }
    }

    /**
     * Declares that the current write changes nothing an API read shows (a login's token, a fold of pending roll-up
     * rows into folded ones): unless it also declares a place, it moves no version.
     */
    public void changedNothingShown() {
        OpenTransaction writing = innermostWriting();
        if (writing == null) {
            recorded.get()[0]++;
        } else {
            writing.unseen = true;
        }
    }

    /** The version of what a reader of these subtrees sees; it grows with every change that can reach them. */
    public long versionOf(Collection<TreePath> roots) {
        return stamps.versionOf(roots);
    }

    /** The version of everything (for a reader whose scope is the whole tree). */
    public long latest() {
        return stamps.latest();
    }

    /**
     * How many changes this thread has recorded so far: a request that wrote compares it before and after, to
     * declare "anything" when its writes went around transactions and declarations.
     */
    public long recordedHere() {
        return recorded.get()[0];
    }

    void began(Object transaction, String name, boolean readOnly) {
        open.get().push(new OpenTransaction(transaction, name, readOnly));
    }

    void ended(Object transaction, boolean committed) {
        Iterator<OpenTransaction> it = open.get().iterator();
        while (it.hasNext()) {
            OpenTransaction t = it.next();
            if (t.transaction == transaction) {
                it.remove();
                if (committed && !t.readOnly) {
                    if (t.unseen && !t.anything && t.paths.isEmpty()) {
                        // declared invisible: nothing to move
                    } else if (t.anything || t.paths.isEmpty()) {
                        LOG.debug("a change of anything: transaction {}", t.name, (t.name == null || t.name.isEmpty()) && LOG.isTraceEnabled() ? new Throwable("where") : null);
                        changedHere(List.of(), true);
                    } else {
                        changedHere(t.paths, false); // the ended transaction's set: no one adds to it any more
                    }
                    recorded.get()[0]++;
                }
                return;
            }
        }
    }

    private OpenTransaction innermostWriting() {
        for (OpenTransaction t : open.get()) {
            if (!t.readOnly) {
                return t;
            }
        }
        return null;
    }

    private static final class OpenTransaction {
        final Object transaction;
        final String name;
        final boolean readOnly;
        final Set<String> paths = new HashSet<>();
        boolean anything;
        boolean unseen;

        OpenTransaction(Object transaction, String name, boolean readOnly) {
            this.transaction = transaction;
            this.name = name;
            this.readOnly = readOnly;
        }
    }
}
