package cn.zhibu.admission;

import java.util.List;

/** One page of the pipeline's list. */
public record CasePage(List<CaseSummary> cases, int page, int size, long total) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
