package cn.zhibu.life.appraisal;

/**
 * The 民主测评's result for one 正式党员: how many ballots gave each grade. Totals only — no ballot is stored, so no
 * one can say who gave which.
 */
public record GradeTotals(long memberId, String name, int excellent, int qualified, int basic, int unqualified) {

    public int total() {
        return excellent + qualified + basic + unqualified;
    }

    public int of(Grade grade) {
        return switch (grade) {
            case EXCELLENT -> excellent;
            case QUALIFIED -> qualified;
            case BASIC -> basic;
            case UNQUALIFIED -> unqualified;
        };
    }
}
