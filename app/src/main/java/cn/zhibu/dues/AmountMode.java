package cn.zhibu.dues;

/**
 * When a new base changes the amount (RULES.md F1a, F5). {@link #YEARLY}: fixed at the start of the year from the
 * year's base (年初核定, the 2017 notice of the 中组部), a raise within the year counts from next January;
 * {@link #MONTHLY}: from the month the new salary is first paid (第十条).
 */
public enum AmountMode {
    YEARLY("年初核定，年内一般不变"), MONTHLY("自工资变动当月起按新基数计算");

    private final String label;

    AmountMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
