package cn.zhibu.admission;

/** D9: the five situations in which a voting member may be left out of the expected count. */
public enum ExclusionGround {
    INCAPABLE("患有精神疾病或其他原因不能表达本人意志"),
    ABROAD("自费出国半年以上"),
    DETAINED("受留置、拘留或正在服刑"),
    BEDRIDDEN("年老体弱卧床不起、长期生病生活不能自理"),
    AWAY("外出半年以上未转移组织关系且无法参加会议");

    private final String label;

    ExclusionGround(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
