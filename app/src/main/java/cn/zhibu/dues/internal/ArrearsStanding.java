package cn.zhibu.dues.internal;

import cn.zhibu.member.DuesStanding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The registry's view of F8 (R6's ground NO_DUES): the member's run from the fact. */
@Component
class ArrearsStanding implements DuesStanding {

    private final JdbcClient jdbc;

    ArrearsStanding(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int consecutiveUnpaidMonths(long memberId) {
        return jdbc.sql("select months from dues_arrears where member_id = ?").param(memberId)
                .query(Integer.class).optional().orElse(0);
    }
}
