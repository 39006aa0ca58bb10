package cn.zhibu.learning.hours.internal;

import cn.zhibu.organization.OrganizationMoved;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps the shared learning tables (V40) in step with the tree, inside the move's transaction: the moved subtree's
 * roll-up counts leave the old ancestors and join the new ones, and its courses take the new path. The rows per
 * member (course_progress, study_year, study_external, study_transcript) name their organization, not its path
 * (V52): a move rewrites none of them.
 */
@Component
class HoursOrganizationListener {

    private final JdbcClient jdbc;
    private final StudyRollup rollup;

    HoursOrganizationListener(JdbcClient jdbc, StudyRollup rollup) {
        this.jdbc = jdbc;
        this.rollup = rollup;
    }

    @EventListener
    void on(OrganizationMoved moved) {
        rollup.rollup().shiftSubtree(moved.orgId(), above(moved.oldPath()), above(moved.newPath()));
        SubtreeRewrite.rewrite(jdbc, "course", moved.oldPath(), moved.newPath(), moved.newRootId());
    }

    /** The organizations above the moved one (its own counts stay with it). */
    private static List<Long> above(TreePath path) {
        List<Long> ids = path.ids();
        return ids.subList(0, ids.size() - 1);
    }
}
