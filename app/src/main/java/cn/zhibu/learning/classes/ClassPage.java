package cn.zhibu.learning.classes;

import java.util.List;

/** One page of classes, newest first. */
public record ClassPage(List<TrainingClass> items, long total, int page, int size) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
