package cn.zhibu.member;

import java.util.List;

/**
 * One page of members. {@code total} is exact when {@code totalExact}; for broad text searches it is capped
 * (shown as "1000+") rather than counted to the end. {@code nextCursor} fetches the following page by keyset.
 */
public record MemberPage(List<Member> items, long total, boolean totalExact, int page, int size, String nextCursor) {

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return nextCursor != null;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
