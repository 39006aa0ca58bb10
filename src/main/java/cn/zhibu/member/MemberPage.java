package cn.zhibu.member;

import java.util.List;

/** One page of members and the total that matches. */
public record MemberPage(List<Member> items, long total, int page, int size) {

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
