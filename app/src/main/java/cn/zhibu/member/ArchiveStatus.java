package cn.zhibu.member;

/** Where a record stands once it has left the registry of 正式 and 预备 党员. */
public enum ArchiveStatus {
    SUSPENDED("停止党籍"), LEFT("已出党"), DECEASED("已去世"), TRANSFERRED_OUT("已转出系统外");

    private final String label;

    ArchiveStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
