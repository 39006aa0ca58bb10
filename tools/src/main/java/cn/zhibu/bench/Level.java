package cn.zhibu.bench;

/**
 * The levels of the tree the issue asks every read to be measured at, each as a condition on organization
 * {@code o}. Depth 1 is the province root, 2 a city, 3 a county (paths count ids from the root).
 */
enum Level {
    ROOT("root", "o.parent_id is null"),
    CITY("city", "o.depth = 2"),
    COUNTY("county", "o.depth = 3"),
    BASE_COMMITTEE("base_committee", "o.type = 'BASE_COMMITTEE'"),
    BRANCH("branch", "o.type = 'BRANCH'");

    private final String label;
    private final String condition;

    Level(String label, String condition) {
        this.label = label;
        this.condition = condition;
    }

    String label() {
        return label;
    }

    String condition() {
        return condition;
    }
}
