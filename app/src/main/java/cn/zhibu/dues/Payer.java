package cn.zhibu.dues;

/**
 * Who handed the money over (F6, 第十二条): the member, or with the branch's consent a relative or another member;
 * or the organization where a 流动党员 holding a 《流动党员活动证》 lives collected it (F5, 第九条: they may pay there),
 * named as the payer. The organization itself never pays for a member (垫交, 第十四条): there is no such payer.
 */
public enum Payer {
    SELF("本人"), RELATIVE("亲属代交"), MEMBER("其他党员代交"), WHERE_THEY_LIVE("持活动证在流入地党组织交纳");

    private final String label;

    Payer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
