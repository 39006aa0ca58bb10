package cn.zhibu.platform;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The holiday calendar as administrators keep it: edits take effect at once, are checked and audited. */
@IntegrationTest
class HolidayCalendarIntegrationTest {

    /** A year no other test computes periods in, cleared after each test. */
    static final int YEAR = 2031;
    static final LocalDate TUESDAY = LocalDate.of(YEAR, 3, 4);
    static final LocalDate SATURDAY = LocalDate.of(YEAR, 3, 8);

    @Autowired HolidayCalendar calendar;
    @Autowired WorkingDays workingDays;
    @Autowired AuditLog audit;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @AfterEach
    void clearYear() {
        calendar.year(YEAR).forEach(d -> calendar.remove(SYSTEM, d.day()));
    }

    @Test
    void an_edit_changes_working_days_at_once_and_is_audited() {
        long entries = audit.count(SYSTEM, "calendar_day");
        assertThat(workingDays.isWorkingDay(TUESDAY)).isTrue();
        assertThat(workingDays.isWorkingDay(SATURDAY)).isFalse();

        calendar.add(SYSTEM, new CalendarDayForm(TUESDAY, CalendarDayKind.HOLIDAY, " 测试节 "));
        calendar.add(SYSTEM, new CalendarDayForm(SATURDAY, CalendarDayKind.WORKDAY, null));
        assertThat(workingDays.isWorkingDay(TUESDAY)).isFalse();
        assertThat(workingDays.isWorkingDay(SATURDAY)).isTrue();
        assertThat(workingDays.knowsYear(YEAR)).isTrue();
        assertThat(workingDays.lastDayOfPeriod(LocalDate.of(YEAR, 3, 3), 5)).isEqualTo(SATURDAY);
        assertThat(calendar.year(YEAR)).extracting(CalendarDay::name).containsExactly("测试节", null);

        calendar.update(SYSTEM, TUESDAY, new CalendarDayForm(null, CalendarDayKind.HOLIDAY, "改名节"));
        assertThat(workingDays.exceptionOn(TUESDAY)).get().extracting(CalendarDay::name).isEqualTo("改名节");
        calendar.remove(SYSTEM, SATURDAY);
        assertThat(workingDays.isWorkingDay(SATURDAY)).isFalse();

        assertThat(audit.count(SYSTEM, "calendar_day")).isEqualTo(entries + 4);
        AuditLog.Entry last = audit.recent(SYSTEM, "calendar_day", 0, 1).get(0);
        assertThat(last.action()).isEqualTo("节假日.删除");
        assertThat(last.entityId()).isEqualTo(SATURDAY.toString());
        assertThat(last.beforeJson()).contains("WORKDAY");
    }

    @Test
    void bad_days_are_refused_naming_the_field() {
        assertThatThrownBy(() -> calendar.add(SYSTEM, new CalendarDayForm(TUESDAY, CalendarDayKind.WORKDAY, "调休")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("kind"))
                .hasMessageContaining("星期六或星期日").hasMessageContaining("星期二");
        assertThatThrownBy(() -> calendar.add(SYSTEM, new CalendarDayForm(TUESDAY, CalendarDayKind.HOLIDAY, " ")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("name"));
        assertThatThrownBy(() -> calendar.add(SYSTEM, new CalendarDayForm(null, null, null)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKeys("day", "kind"));
        assertThatThrownBy(() -> calendar.add(SYSTEM, new CalendarDayForm(LocalDate.of(1999, 5, 1),
                CalendarDayKind.HOLIDAY, "劳动节"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("2000");
        assertThatThrownBy(() -> calendar.add(SYSTEM, new CalendarDayForm(TUESDAY, CalendarDayKind.HOLIDAY,
                "节".repeat(31)))).isInstanceOf(InvalidInputException.class).hasMessageContaining("30字");

        calendar.add(SYSTEM, new CalendarDayForm(TUESDAY, CalendarDayKind.HOLIDAY, "测试节"));
        assertThatThrownBy(() -> calendar.add(SYSTEM, new CalendarDayForm(TUESDAY, CalendarDayKind.HOLIDAY, "又一个")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已有安排");
        assertThatThrownBy(() -> calendar.update(SYSTEM, TUESDAY, new CalendarDayForm(TUESDAY, CalendarDayKind.WORKDAY,
                null))).isInstanceOf(InvalidInputException.class).hasMessageContaining("星期六或星期日");
        assertThatThrownBy(() -> calendar.remove(SYSTEM, SATURDAY)).isInstanceOf(NotFoundException.class);
        // the database refuses a weekday 调休 too, whatever writes it
        assertThatThrownBy(() -> jdbc.sql("insert into calendar_day values (?, 'WORKDAY', null)").param(LocalDate.of(YEAR, 3, 5))
                .update()).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void anyone_reads_the_calendar_only_a_system_administrator_changes_it() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        accounts.create("calmem" + suffix, "Calendar@2026", "日历测试党员", null, List.of(new RoleGrant(Role.MEMBER, null)));
        ApiClient member = ApiClient.loggedIn(port, "calmem" + suffix, "Calendar@2026");
        ApiClient admin = ApiClient.loggedIn(port, "admin", "Zhibu@2026");

        JsonNode year = member.get("/api/v1/calendar?year=2025").json();
        assertThat(year.get("known").asBoolean()).isTrue();
        assertThat(year.get("workingDays").asInt()).isEqualTo(248);
        assertThat(year.get("days").findValuesAsString("day")).contains("2025-09-28", "2025-10-08");
        JsonNode period = member.get("/api/v1/calendar/period?startsOn=2025-09-26&workingDays=5").json();
        assertThat(period.get("endsOn").asString()).isEqualTo("2025-10-09");
        assertThat(member.get("/api/v1/calendar/working-days?from=2025-10-01&to=2025-10-31").json()
                .get("workingDays").asInt()).isEqualTo(18);
        assertThat(member.get("/api/v1/calendar?year=1900").status()).isEqualTo(400);

        Map<String, Object> day = Map.of("day", TUESDAY.toString(), "kind", "HOLIDAY", "name", "接口节");
        assertThat(member.post("/api/v1/calendar", day).status()).isEqualTo(403);
        assertThat(workingDays.isWorkingDay(TUESDAY)).isTrue();
        assertThat(admin.post("/api/v1/calendar", day).status()).isEqualTo(201);
        assertThat(workingDays.isWorkingDay(TUESDAY)).isFalse();
        assertThat(member.put("/api/v1/calendar/" + TUESDAY, Map.of("kind", "HOLIDAY", "name", "越权")).status())
                .isEqualTo(403);
        assertThat(member.delete("/api/v1/calendar/" + TUESDAY).status()).isEqualTo(403);
        ApiClient.Response bad = admin.put("/api/v1/calendar/" + TUESDAY, Map.of("kind", "HOLIDAY", "name", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get("name").asString()).contains("节日名称");
        assertThat(admin.put("/api/v1/calendar/" + TUESDAY, Map.of("kind", "HOLIDAY", "name", "接口改名")).json()
                .get("name").asString()).isEqualTo("接口改名");
        assertThat(admin.delete("/api/v1/calendar/" + TUESDAY).status()).isEqualTo(204);
        assertThat(workingDays.isWorkingDay(TUESDAY)).isTrue();

        // the page: administrators only
        BrowserSession memberPages = BrowserSession.loggedIn(port, "calmem" + suffix, "Calendar@2026");
        assertThat(memberPages.get("/admin/calendar").status()).isEqualTo(403);
        assertThat(memberPages.post("/admin/calendar", Map.of("day", TUESDAY.toString(), "kind", "HOLIDAY",
                "name", "越权")).status()).isEqualTo(403);
        BrowserSession adminPages = BrowserSession.loggedIn(port, "admin", "Zhibu@2026");
        BrowserSession.Page page = adminPages.get("/admin/calendar?year=2026");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("国庆节", "2026-10-10", "调休上班", "全年工作日 248 天");
        assertThat(adminPages.get("/admin/calendar?year=" + YEAR).body()).contains("尚未录入");
        BrowserSession.Page refused = adminPages.post("/admin/calendar", Map.of("day", TUESDAY.toString(),
                "kind", "WORKDAY", "name", ""));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("调休上班日应为星期六或星期日");
        BrowserSession.Page added = adminPages.post("/admin/calendar", Map.of("day", SATURDAY.toString(),
                "kind", "WORKDAY", "name", "页面调休"));
        assertThat(added.status()).isEqualTo(302);
        assertThat(adminPages.get("/admin/calendar?year=" + YEAR + "&edit=" + SATURDAY).body()).contains("页面调休", "修改 " + SATURDAY);
        assertThat(adminPages.post("/admin/calendar/" + SATURDAY, Map.of("kind", "WORKDAY", "name", "页面改名")).status())
                .isEqualTo(302);
        assertThat(calendar.year(YEAR)).extracting(CalendarDay::name).containsExactly("页面改名");
        assertThat(adminPages.post("/admin/calendar/" + SATURDAY + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(calendar.year(YEAR)).isEmpty();
    }
}
