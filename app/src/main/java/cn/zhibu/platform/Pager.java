package cn.zhibu.platform;

/** Page numbers around the current one, for the pager of list pages. */
public record Pager(int page, int totalPages, long total) {

    public int from() {
        return Math.max(0, page - 3);
    }

    public int to() {
        return Math.max(from(), Math.min(totalPages - 1, page + 3));
    }
}
