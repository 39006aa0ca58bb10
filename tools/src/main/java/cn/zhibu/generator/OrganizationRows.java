package cn.zhibu.generator;

import cn.zhibu.platform.db.CopyStream;
import cn.zhibu.platform.db.CopyText;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The organization table, parents before children (the tree order) so the parent_id key always finds its row. */
final class OrganizationRows {

    private OrganizationRows() {
    }

    static long write(Connection connection, List<PlannedOrg> orgs) throws SQLException {
        CopyText text = new CopyText(1 << 20);
        try (CopyStream copy = CopyStream.open(connection, "organization", "id, parent_id, root_id, path, depth, name, "
                + "short_name, type, category, unit_name, covered_units, established_on, sort_order")) {
            for (PlannedOrg org : orgs) {
                text.number(org.id()).tab();
                if (org.parent == null) {
                    text.nul();
                } else {
                    text.number(org.parent.id());
                }
                text.tab().number(org.rootId()).tab().text(org.path).tab().number(org.depth).tab()
                        .text(org.name).tab().text(org.shortName).tab().text(org.type.name()).tab()
                        .text(org.category.name()).tab().text(org.unitName).tab().number(org.coveredUnits).tab()
                        .date(org.establishedOn).tab().number(org.sortOrder).endRow();
                copy.sendIfFull(text);
            }
            copy.send(text);
            return copy.finish();
        }
    }
}
