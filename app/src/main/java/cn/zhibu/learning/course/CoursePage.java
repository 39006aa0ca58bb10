package cn.zhibu.learning.course;

import java.util.List;

/** One page of the courses a manager manages. */
public record CoursePage(List<Course> items, long total, int page, int size) {

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }
}
