package cn.zhibu.generator;

import cn.zhibu.platform.db.CopyStream;
import cn.zhibu.platform.db.CopyText;

import cn.zhibu.organization.OrganizationType;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** org_rollup: the active organizations of each type in every subtree, the organization itself included. */
final class OrgRollupRows {

    private OrgRollupRows() {
    }

    static long write(Connection connection, List<PlannedOrg> orgs) throws SQLException {
        OrganizationType[] types = OrganizationType.values();
        int[][] counts = new int[orgs.size()][types.length];
        for (PlannedOrg org : orgs) {
            for (PlannedOrg a = org; a != null; a = a.parent) {
                counts[a.index][org.type.ordinal()]++;
            }
        }
        CopyText text = new CopyText(1 << 20);
        try (CopyStream copy = CopyStream.open(connection, "org_rollup", "org_id, type, n")) {
            for (PlannedOrg org : orgs) {
                for (OrganizationType type : types) {
                    int n = counts[org.index][type.ordinal()];
                    if (n > 0) {
                        text.number(org.id()).tab().text(type.name()).tab().number(n).endRow();
                    }
                }
                copy.sendIfFull(text);
            }
            copy.send(text);
            return copy.finish();
        }
    }
}
