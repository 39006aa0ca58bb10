package cn.zhibu.life.appraisal;

import java.util.List;

/** One page of the appraisals a caller may see, the latest year first. */
public record AppraisalPage(List<Appraisal> items, long total, int page, int size) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
