package cn.zhibu.learning.course;

/** Who a course is addressed to: the publishing organization's subtree, or everyone on the platform (from a root). */
public enum CourseAudience {
    SUBTREE("本组织及下级党员"),
    EVERYONE("全体党员");

    private final String label;

    CourseAudience(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
