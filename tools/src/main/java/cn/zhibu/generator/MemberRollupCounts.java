package cn.zhibu.generator;

import cn.zhibu.platform.db.CopyStream;
import cn.zhibu.platform.db.CopyText;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * member_rollup computed in memory while members are generated: each organization's counts add up those of its
 * members at every ancestor, the organization itself included. An organization's counts are dense while its
 * subtree is being counted and packed (key and count in one long, non-zero only) once its county is done, which
 * keeps a province's 12 million rows in about 100 MB.
 */
final class MemberRollupCounts {

    private final List<PlannedOrg> orgs;
    private final RollupKeys keys;
    private final int[][] dense;
    private final long[][] packed;

    MemberRollupCounts(List<PlannedOrg> orgs, RollupKeys keys) {
        this.orgs = orgs;
        this.keys = keys;
        this.dense = new int[orgs.size()][];
        this.packed = new long[orgs.size()][];
    }

    void add(ChunkOutput output) {
        for (HolderCounts holder : output.counts()) {
            for (PlannedOrg org = orgs.get(holder.orgIndex()); org != null; org = org.parent) {
                int[] into = denseOf(org.index);
                for (int i = 0; i < holder.keys().length; i++) {
                    into[holder.keys()[i]] += holder.counts()[i];
                }
            }
        }
        if (output.chunk().lastOfCounty()) {
            PlannedOrg county = output.chunk().county();
            pack(county.index, county.subtreeEnd);
        }
    }

    /** Packs what is still dense: the cities and the province, counted to the end. */
    void finish() {
        pack(0, orgs.size());
    }

    /** COPYs the rows with n > 0, organization by organization; returns the row count. */
    long write(Connection connection) throws SQLException {
        CopyText text = new CopyText(1 << 21);
        try (CopyStream copy = CopyStream.open(connection, "member_rollup", "org_id, dim, val, status, n")) {
            for (int i = 0; i < orgs.size(); i++) {
                long id = orgs.get(i).id();
                for (long entry : packed[i] == null ? new long[0] : packed[i]) {
                    text.number(id).tab();
                    keys.describe((int) (entry >>> 32), text);
                    text.tab().number((int) entry).endRow();
                }
                copy.sendIfFull(text);
            }
            copy.send(text);
            return copy.finish();
        }
    }

    private int[] denseOf(int index) {
        if (packed[index] != null) {
            throw new IllegalStateException("roll-up of organization " + (index + 1) + " counted after it was closed");
        }
        if (dense[index] == null) {
            dense[index] = new int[keys.size()];
        }
        return dense[index];
    }

    private void pack(int from, int to) {
        for (int i = from; i < to; i++) {
            if (dense[i] == null) {
                continue;
            }
            long[] entries = new long[dense[i].length];
            int n = 0;
            for (int key = 0; key < dense[i].length; key++) {
                if (dense[i][key] != 0) {
                    entries[n++] = (long) key << 32 | dense[i][key];
                }
            }
            packed[i] = Arrays.copyOf(entries, n);
            dense[i] = null;
        }
    }
}
