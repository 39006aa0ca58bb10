package cn.zhibu.scratch;

import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ScratchAuditDumpTest {
    @Autowired JdbcClient jdbc;

    @Test
    void dump() {
        jdbc.sql("select entity_type, action, count(*) n, max(coalesce(before_json,'')) b, max(coalesce(after_json,'')) a from audit_log group by 1,2 order by 1,2")
                .query((rs, i) -> rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getLong(3) + "\n   B " + rs.getString(4) + "\n   A " + rs.getString(5))
                .list().forEach(System.out::println);
        System.out.println("ACTORS " + jdbc.sql("select distinct actor_id, actor_name from audit_log").query().listOfRows());
        System.out.println("TOTAL " + jdbc.sql("select count(*) from audit_log").query(Long.class).single());
    }
}
