package cn.zhibu.publishing;

import java.util.List;

/** One page of the 公示 a caller may see, newest first. */
public record PublicityPage(List<Publicity> items, long total, int page, int size) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
