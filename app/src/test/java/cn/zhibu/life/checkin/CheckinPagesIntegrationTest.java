package cn.zhibu.life.checkin;

import cn.zhibu.life.MeetingFixture;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.life.MeetingStatus;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.QrCodes;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static cn.zhibu.life.checkin.CheckinPurpose.IN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of check-in over real HTTP: the member's phone page (sent to log in and back), its refusals, the room
 * screen whose QR code — decoded here — opens a page that checks the member in, the live count, and the secretary's
 * by-hand check-in (confirmed first) and 补课.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckinPagesIntegrationTest {

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired MeetingFixture fixture;
    @Autowired CheckinCodes codes;
    @LocalServerPort int port;

    CheckinWorld world;

    @BeforeAll
    void world() {
        world = new CheckinWorld(data, accounts, fixture, port, "签到页", 6);
    }

    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void a_member_not_logged_in_is_sent_to_log_in_and_back_and_is_checked_in() {
        long meeting = world.meetingUnderWay("扫码后登录", 3);
        String link = "/life/meetings/" + meeting + "/checkin?c=" + world.screenCode(meeting, IN);
        BrowserSession phone = new BrowserSession(port);
        BrowserSession.Page first = phone.get(link);
        assertThat(first.status()).isEqualTo(302);
        assertThat(first.location()).endsWith("/login");
        assertThat(fixture.checkedIn(meeting)).isZero();

        BrowserSession.Page login = phone.login("m0u" + world.suffix, CheckinWorld.PASSWORD);
        assertThat(login.status()).isEqualTo(302);
        assertThat(path(login.location())).startsWith(link);
        BrowserSession.Page done = phone.get(path(login.location()));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("签到成功").contains("扫码后登录").contains("签到页党员零");
        assertThat(fixture.row(meeting, world.member(0).id()).checkedInAt()).isNotNull();

        BrowserSession.Page again = phone.get(link);
        assertThat(again.body()).contains("已签到于 " + CheckinTimes.time(fixture.row(meeting, world.member(0).id()).checkedInAt()));
    }

    @Test
    void a_refused_scan_is_a_page_with_its_reason_and_a_4xx() {
        long meeting = world.meetingUnderWay("扫码被拒", 2);
        CheckinWorld.awayFromTheTurn();
        String expired = codes.issue(meeting, IN, CheckinCodes.window(Instant.now()) - 2).code();
        BrowserSession.Page old = world.memberPages(1).get("/life/meetings/" + meeting + "/checkin?c=" + expired);
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.body()).contains("未能签到").contains("已过期").contains("重新扫描");

        BrowserSession.Page stranger = world.memberPages(4).get("/life/meetings/" + meeting + "/checkin?c="
                + world.screenCode(meeting, IN));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.body()).contains("不在本次会议的参会人员名单中").doesNotContain("扫码被拒");
        assertThat(world.memberPages(1).get("/life/meetings/" + meeting + "/checkin").status()).isEqualTo(400);
        assertThat(world.memberPages(1).get("/life/meetings/99999999/checkin?c=x").body()).contains("二维码无效");
        assertThat(fixture.checkedIn(meeting)).isZero();
    }

    @Test
    void the_room_screen_shows_the_qr_of_a_link_that_checks_the_member_in_and_the_live_count() {
        long meeting = world.meetingUnderWay("大屏签到", 3);
        BrowserSession secretary = world.secretaryPages();
        BrowserSession.Page screen = secretary.get("/life/meetings/" + meeting + "/screen");
        assertThat(screen.status()).isEqualTo(200);
        assertThat(screen.body()).contains("大屏签到").contains("aria-label=\"签到二维码\"").contains("hx-trigger=\"load delay:")
                .contains("已签到 <strong id=\"count-in\">0</strong>").contains("应到 <strong id=\"count-invited\">3</strong>")
                .contains("aria-live=\"polite\"");

        String link = QrCodes.decode(secretary.get("/life/meetings/" + meeting + "/screen/code?purpose=IN").body());
        assertThat(link).startsWith("http://localhost:" + port + "/life/meetings/" + meeting + "/checkin?c=" + meeting + ".I.");
        assertThat(world.memberPages(2).get(path(link)).body()).contains("签到成功");

        assertThat(secretary.get("/life/meetings/" + meeting + "/screen/count").body())
                .contains("已签到 <strong id=\"count-in\">1</strong>");
        assertThat(QrCodes.decode(secretary.get("/life/meetings/" + meeting + "/screen/code?purpose=OUT").body()))
                .contains("/life/meetings/" + meeting + "/checkout?c=" + meeting + ".O.");
        assertThat(secretary.get("/life/meetings/" + meeting + "/screen?purpose=OUT").body()).contains("签退二维码");
    }

    @Test
    void the_screen_of_a_cancelled_meeting_says_so_and_stops_asking_for_codes() {
        long meeting = world.meetingUnderWay("取消后的大屏", 2);
        fixture.status(meeting, MeetingStatus.CANCELLED);
        BrowserSession.Page code = world.secretaryPages().get("/life/meetings/" + meeting + "/screen/code");
        assertThat(code.status()).isEqualTo(200);
        assertThat(code.body()).contains("已取消").doesNotContain("hx-get").doesNotContain("<svg");
    }

    @Test
    void the_secretary_checks_a_member_in_by_hand_after_confirming_and_records_makeup_for_another() {
        long meeting = world.meeting("会后补登", Duration.ofMinutes(-90), Duration.ofHours(1), 3);
        BrowserSession secretary = world.secretaryPages();
        String entry = "/life/meetings/" + meeting + "/attendance/" + world.member(0).id();
        BrowserSession.Page page = secretary.get(entry);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("手工签到").contains("登记补课");

        String at = java.time.LocalDateTime.now().minusMinutes(80).withSecond(0).withNano(0).toString();
        BrowserSession.Page noReason = secretary.post(entry + "/checkin", Map.of("reason", "", "at", at));
        assertThat(noReason.status()).isEqualTo(200);
        assertThat(noReason.body()).contains("请填写原因").contains("aria-invalid=\"true\"");

        BrowserSession.Page confirm = secretary.post(entry + "/checkin", Map.of("reason", "未带手机", "at", at));
        assertThat(confirm.body()).contains("确定为 签到页党员零 手工签到吗");
        assertThat(fixture.checkedIn(meeting)).isZero();
        BrowserSession.Page done = secretary.post(entry + "/checkin", Map.of("reason", "未带手机", "at", at, "confirmed", "true"));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).endsWith("/life/meetings/" + meeting + "/attendance");
        assertThat(secretary.get("/life/meetings/" + meeting + "/attendance").body())
                .contains("手工签到：签到页书记（未带手机）").contains("已为 签到页党员零 手工签到");

        String other = "/life/meetings/" + meeting + "/attendance/" + world.member(1).id();
        BrowserSession.Page makeup = secretary.post(other + "/makeup", Map.of("on", LocalDate.now().toString(),
                "note", "自学会议记录"));
        assertThat(makeup.status()).isEqualTo(302);
        assertThat(secretary.get("/life/meetings/" + meeting + "/attendance").body()).contains("自学会议记录");
        assertThat(fixture.row(meeting, world.member(1).id()).checkedInAt()).isNull();
    }

    @Test
    void the_panel_shows_the_roll_to_the_secretary_and_a_member_their_own_status() {
        long meeting = world.meetingUnderWay("签到面板", 3);
        world.scan(1, meeting, IN, world.screenCode(meeting, IN));
        BrowserSession.Page panel = world.secretaryPages().get("/life/meetings/" + meeting + "/attendance/panel");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).doesNotContain("<html").contains("id=\"attendance-panel\"").contains("attendance-table").contains("签到页党员一")
                .contains("签到页党员二").contains("签到大屏");
        BrowserSession.Page own = world.memberPages(1).get("/life/meetings/" + meeting + "/attendance/panel");
        assertThat(own.body()).contains("您已于").doesNotContain("签到页党员二").doesNotContain("attendance-table");
        assertThat(world.secretaryPages().get("/life/meetings/" + meeting + "/attendance?filter=NOT_PRESENT").body())
                .contains("签到页党员二").doesNotContain("签到页党员一<");
    }
}
