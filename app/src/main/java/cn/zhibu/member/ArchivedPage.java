package cn.zhibu.member;

import java.util.List;

/** One page of records out of the registry, with the exact total (the archive is small). */
public record ArchivedPage(List<ArchivedMember> items, long total, int page, int size) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
