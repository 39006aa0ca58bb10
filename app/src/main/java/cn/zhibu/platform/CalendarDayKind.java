package cn.zhibu.platform;

/** The two kinds of exception to "Monday to Friday": a day off, and a weekend day worked instead (调休). */
public enum CalendarDayKind {
    HOLIDAY("放假"),
    WORKDAY("调休上班");

    private final String label;

    CalendarDayKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
