package cn.zhibu.organization;

import cn.zhibu.platform.TreePath;

/**
 * Published synchronously inside the move's transaction, so that data carrying the organization's path
 * (members and their roll-ups) moves with it atomically.
 */
public record OrganizationMoved(long orgId, TreePath oldPath, TreePath newPath, long newRootId) {

    /**
     * Whether the subtree went to another root (the path's first id): only then do rows that name their organization
     * instead of carrying its path change (their {@code root_id}); within the root they need not even be looked at.
     */
    public boolean changesRoot() {
        return oldPath.ids().get(0) != newRootId;
    }
}
