package cn.zhibu.dues;

/**
 * F5: a 预备党员 pays from the branch meeting that admitted them; whether the meeting's own month is due in full is
 * local practice.
 */
public enum ProbationStart {
    MEETING_MONTH("自支部大会通过当月起交纳"), NEXT_MONTH("自支部大会通过次月起交纳");

    private final String label;

    ProbationStart(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
