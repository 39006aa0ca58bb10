package cn.zhibu.dues.internal;

/** The shared roll-up table of 党费 (V32) and the metrics bills write to it. */
final class BillRollup {

    static final String TABLE = "dues_rollup";
    static final String DUE = "DUE";
    static final String BILLS = "BILLS";
    static final String BILLS_PAID = "BILLS_PAID";

    private BillRollup() {
    }
}
