package cn.zhibu.life.appraisal;

/**
 * One who takes part in an appraisal, as its managers see them: whether they are graded (a 正式党员 when it opened;
 * 预备党员 take part but are not graded, P2), whether they have written their 个人自评 and cast their ballot (the fact
 * only: what they voted is nowhere), and the grade recorded at the end.
 */
public record Participant(long memberId, String name, boolean full, boolean selfAssessed, boolean voted, Grade grade,
                          String gradeNote) {

    /** The same participant with nothing but who they are: for lists members see (the ballot, the 互评 form). */
    public Participant nameOnly() {
        return new Participant(memberId, name, full, false, false, null, null);
    }

    public String categoryLabel() {
        return full ? "正式党员" : "预备党员";
    }
}
