package cn.zhibu.member;

/** 学历, grouped as the 党内统计公报 reports it (S1: 大专及以上). */
public enum Education {
    POSTGRADUATE("研究生", true),
    BACHELOR("大学本科", true),
    COLLEGE("大学专科", true),
    SECONDARY_VOCATIONAL("中等专科", false),
    HIGH_SCHOOL("高中", false),
    JUNIOR_OR_BELOW("初中及以下", false);

    private final String label;
    private final boolean collegeOrAbove;

    Education(String label, boolean collegeOrAbove) {
        this.label = label;
        this.collegeOrAbove = collegeOrAbove;
    }

    public String label() {
        return label;
    }

    public boolean collegeOrAbove() {
        return collegeOrAbove;
    }
}
