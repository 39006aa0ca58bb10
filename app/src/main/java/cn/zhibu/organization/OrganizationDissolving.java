package cn.zhibu.organization;

import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.TreePath;

/**
 * Published synchronously before an organization is dissolved; a module that still has data attached to it
 * (members) vetoes by throwing {@link cn.zhibu.platform.InvalidInputException}.
 */
public record OrganizationDissolving(long orgId, TreePath path, DataScope scope) {
}
