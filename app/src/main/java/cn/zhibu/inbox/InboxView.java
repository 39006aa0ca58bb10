package cn.zhibu.inbox;

import cn.zhibu.platform.inbox.InboxItem;

import java.util.List;

/**
 * One page of a user's inbox.
 *
 * @param org      the organization viewed (its subtree), or null for a member's own inbox
 * @param trail    the organizations from the caller's top down to {@code org}, for drilling back up
 * @param total    items found (at least this many when {@code capped})
 * @param mine     of those, the ones the caller must act on (需我办理)
 * @param overdue  of those, the ones overdue
 * @param capped   a module had more than the inbox reads of it: the most urgent are shown, counts are lower bounds
 * @param byOrganization counts per organization directly below {@code org} (and {@code org} itself), busiest first
 */
public record InboxView(InboxOrg org, List<InboxOrg> trail, List<InboxItem> items, long total, long mine, long overdue,
                        boolean capped, boolean mineOnly, int page, int size, List<InboxOrgCount> byOrganization) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** An organization as the inbox names it. */
    public record InboxOrg(long id, String name) {
    }

    /**
     * The items of one organization's subtree.
     *
     * @param drillable a child of the organization viewed (opens its own inbox)
     */
    public record InboxOrgCount(long orgId, String name, long items, long mine, long overdue, boolean drillable) {
    }
}
