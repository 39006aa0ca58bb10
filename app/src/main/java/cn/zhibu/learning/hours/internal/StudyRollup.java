package cn.zhibu.learning.hours.internal;

import cn.zhibu.platform.MonthlyRollup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code study_rollup}: the learning metrics per organization over its subtree, period 1 January of the study year. */
@Component
public class StudyRollup {

    private final MonthlyRollup rollup;

    StudyRollup(JdbcClient jdbc) {
        this.rollup = new MonthlyRollup(jdbc, "study_rollup");
    }

    public MonthlyRollup rollup() {
        return rollup;
    }

    public int fold() {
        return rollup.fold();
    }
}
