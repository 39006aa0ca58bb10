package cn.zhibu.member;

/** 职业 in the categories of the 党内统计公报 (RULES.md S1). */
public enum Occupation {
    WORKER("工人（工勤技能人员）"),
    FARMER("农牧渔民"),
    PROFESSIONAL("专业技术人员"),
    MANAGER("管理人员"),
    CIVIL_SERVANT("党政机关工作人员"),
    STUDENT("学生"),
    OTHER("其他"),
    RETIRED("离退休人员");

    private final String label;

    Occupation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
