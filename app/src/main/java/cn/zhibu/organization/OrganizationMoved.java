package cn.zhibu.organization;

import cn.zhibu.platform.TreePath;

/**
 * Published synchronously inside the move's transaction, so that data carrying the organization's path
 * (members and their roll-ups) moves with it atomically.
 */
public record OrganizationMoved(long orgId, TreePath oldPath, TreePath newPath, long newRootId) {
}
