package cn.zhibu.dues;

/** The kinds of ledger entry (V32 {@code dues_entry.kind}). */
public enum LedgerEntryKind {
    PAYMENT("交纳党费"), EXTRA("自愿多交"), REVERSAL("冲正"), REMITTANCE("上缴");

    private final String label;

    LedgerEntryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
