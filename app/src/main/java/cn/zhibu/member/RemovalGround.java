package cn.zhibu.member;

/** R6 (《党员教育管理工作条例》第三十一条): the grounds on which a member in the registry is removed (除名). */
public enum RemovalGround {
    NO_ORGANIZATIONAL_LIFE("无正当理由连续6个月不参加党的组织生活"),
    NO_DUES("无正当理由连续6个月不交纳党费"),
    NO_ASSIGNED_WORK("无正当理由连续6个月不做党所分配的工作"),
    CORRECTION_FAILED("限期改正期满仍无转变");

    private final String label;

    RemovalGround(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
