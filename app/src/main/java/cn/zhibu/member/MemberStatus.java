package cn.zhibu.member;

/** 党员类别 in the registry: 正式党员 or 预备党员 (D10: probation, then full membership). */
public enum MemberStatus {
    FULL("正式党员"), PROBATIONARY("预备党员");

    private final String label;

    MemberStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
