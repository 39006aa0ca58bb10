package cn.zhibu.life.compliance;

import java.util.List;

/**
 * The organizations of a subtree that have not met what fell due in a month (every requirement, or one kind's), in the
 * tree's order — a list to follow up, not a ranking. For the running month: what is not held yet.
 *
 * @param month    the month whose requirements are looked at, e.g. 2026-03 (quarterly ones fall due in a quarter's
 *                 last month, yearly ones in December)
 * @param open     the month has not ended: the organizations listed may still hold it
 * @param total    organizations behind (from the roll-up)
 * @param note     why the list is empty for this kind and month, or null
 */
public record ComplianceBehindPage(long orgId, String orgName, String month, String monthLabel, String kind,
                                   String kindLabel, boolean open, long total, int page, int size, int totalPages,
                                   List<ComplianceBehindOrganization> items, String note) {

    /**
     * One organization behind.
     *
     * @param missing what it has not held, e.g. "主题党日（2026年3月）"
     */
    public record ComplianceBehindOrganization(long orgId, String name, String typeLabel, String parentName,
                                              List<String> missing) {
    }
}
