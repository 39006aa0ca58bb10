package cn.zhibu.admission;

/** D4: how an applicant is put forward as an activist. */
public enum RecommendationMethod {
    MEMBERS("党员推荐"),
    MASS_ORGANIZATION("群团组织推优");

    private final String label;

    RecommendationMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
