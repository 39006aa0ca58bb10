package cn.zhibu.learning.course;

/** A course's life: a draft is edited, a published course is studied, a withdrawn one is no longer offered. */
public enum CourseStatus {
    DRAFT("草稿"),
    PUBLISHED("已发布"),
    WITHDRAWN("已撤回");

    private final String label;

    CourseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
