package cn.zhibu.platform;

/**
 * Page numbers around the current one, for the pager of list pages; never past the last page {@link Paging} serves,
 * so the pager links no page that would be refused.
 */
public record Pager(int page, int totalPages, long total) {

    public Pager {
        totalPages = Math.min(totalPages, Paging.MAX_PAGE + 1);
    }

    public int from() {
        return Math.max(0, Math.min(page, totalPages - 1) - 3);
    }

    public int to() {
        return Math.max(from(), Math.min(totalPages - 1, page + 3));
    }
}
