package cn.zhibu.member;

import java.util.List;

public record TransferPage(List<Transfer> items, long total, int page, int size) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
