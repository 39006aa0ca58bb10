package cn.zhibu.organization;

/** Seats of a committee (B4: 书记, 组织委员, 宣传委员, 纪检委员, 副书记 if needed). */
public enum CommitteePosition {
    SECRETARY("书记"),
    DEPUTY_SECRETARY("副书记"),
    ORGANIZATION("组织委员"),
    PROPAGANDA("宣传委员"),
    DISCIPLINE("纪检委员"),
    YOUTH("青年委员"),
    WOMEN("妇女委员"),
    MEMBER("委员");

    private final String label;

    CommitteePosition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
