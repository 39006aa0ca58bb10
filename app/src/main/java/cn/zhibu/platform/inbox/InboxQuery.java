package cn.zhibu.platform.inbox;

import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.TreePath;

import java.time.LocalDate;

/**
 * What the inbox asks each source.
 *
 * @param scope    the caller
 * @param orgId    the organization viewed (the top of {@code subtree}), or null for a member's own inbox
 * @param subtree  the path of that organization, within the caller's managed scope; null when the caller looks as a
 *                 member (nothing to manage)
 * @param today    the day the deadlines are judged on
 * @param limit    most items to return
 * @param mineOnly only what the caller must act on (需我办理)
 */
public record InboxQuery(DataScope scope, Long orgId, TreePath subtree, LocalDate today, int limit, boolean mineOnly) {

    /** A member's own inbox: what is addressed to them. */
    public static InboxQuery asMember(DataScope scope, LocalDate today, int limit) {
        return new InboxQuery(scope, null, null, today, limit, true);
    }

    public boolean managing() {
        return subtree != null;
    }

    /**
     * The caller holds a role exactly at this organization (its 书记 or 组织管理员), so its own work falls to them; a
     * role above it only watches. The system administrator watches everything and acts on nothing of a branch's.
     */
    public boolean holdsRoleAt(String orgPath) {
        return orgPath != null && scope.memberPaths().stream().anyMatch(p -> p.value().equals(orgPath));
    }

    /** The caller holds a role strictly above this organization: the higher committee's work falls to them. */
    public boolean holdsRoleAbove(String orgPath) {
        return orgPath != null && (scope.all() || scope.memberPaths().stream()
                .anyMatch(p -> orgPath.startsWith(p.value()) && !p.value().equals(orgPath)));
    }
}
