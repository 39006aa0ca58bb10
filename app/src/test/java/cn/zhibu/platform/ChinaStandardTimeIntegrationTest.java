package cn.zhibu.platform;

import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's day is Beijing's whatever the machine's zone (CI and this VM run on UTC): the JVM's default zone and
 * the database session's are China Standard Time, so "today" in Java and in SQL is the date in Beijing.
 */
@IntegrationTest
class ChinaStandardTimeIntegrationTest {

    @Autowired JdbcClient jdbc;

    @Test
    void today_is_the_date_in_beijing_in_java_and_in_the_database() {
        assertThat(TimeZone.getDefault().toZoneId()).isEqualTo(PlatformClock.ZONE);
        assertThat(jdbc.sql("show timezone").query(String.class).single()).isEqualTo("Asia/Shanghai");
        LocalDate beijing = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate sqlToday = jdbc.sql("select current_date").query(LocalDate.class).single();
        // read twice around the query: only a midnight in between could separate them
        assertThat(sqlToday).isIn(beijing, LocalDate.now(ZoneId.of("Asia/Shanghai")));
        assertThat(LocalDate.now()).isIn(beijing, LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }
}
