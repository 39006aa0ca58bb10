package cn.zhibu.dues;

/**
 * Who handed the money over (F6, 第十二条): the member, or with the branch's consent a relative or another member.
 * The organization itself never pays for a member (垫交, 第十四条): there is no such payer.
 */
public enum Payer {
    SELF("本人"), RELATIVE("亲属代交"), MEMBER("其他党员代交");

    private final String label;

    Payer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
