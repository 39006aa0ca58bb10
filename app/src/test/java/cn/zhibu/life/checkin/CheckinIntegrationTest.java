package cn.zhibu.life.checkin;

import cn.zhibu.life.RecordingMeetingListener;
import cn.zhibu.life.MeetingFixture;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.life.MeetingStatus;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static cn.zhibu.life.checkin.CheckinPurpose.IN;
import static cn.zhibu.life.checkin.CheckinPurpose.OUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scanning in and out over the API, as members on their phones: each refusal with its reason (and nothing changed),
 * the grace of the previous window, the second scan that changes nothing, check-out with its own code, by hand with a
 * reason, 补课 apart from attendance, and compliance told of a check-in after the record.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckinIntegrationTest {

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired MeetingFixture fixture;
    @Autowired CheckinCodes codes;
    @Autowired JdbcClient jdbc;
    @Autowired RecordingMeetingListener changes;
    @LocalServerPort int port;

    CheckinWorld world;

    @BeforeAll
    void world() {
        world = new CheckinWorld(data, accounts, fixture, port, "签到测试", 8);
    }

    private long memberId(int i) {
        return world.member(i).id();
    }

    private int audited(long meetingId, String action) {
        return jdbc.sql("select count(*) from audit_log where entity_type = 'life_attendance' and entity_id like ? and action = ?")
                .params(meetingId + ":%", action).query(Integer.class).single();
    }

    @Test
    void a_member_checks_in_with_the_code_on_the_screen_and_a_second_scan_changes_nothing() {
        long meeting = world.meetingUnderWay("主题党日扫码", 3);
        String code = world.screenCode(meeting, IN);

        ApiClient.Response first = world.scan(0, meeting, IN, code);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("message").asString()).isEqualTo("签到成功");
        assertThat(first.json().get("repeated").asBoolean()).isFalse();
        Instant at = fixture.row(meeting, memberId(0)).checkedInAt();
        assertThat(at).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(10, ChronoUnit.SECONDS));

        ApiClient.Response again = world.scan(0, meeting, IN, world.screenCode(meeting, IN));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("repeated").asBoolean()).isTrue();
        assertThat(again.json().get("message").asString()).isEqualTo("已签到于 " + CheckinTimes.time(at));
        assertThat(fixture.row(meeting, memberId(0)).checkedInAt()).isEqualTo(at);
        assertThat(fixture.checkedIn(meeting)).isOne();
        assertThat(audited(meeting, "组织生活.签到")).isOne();
    }

    @Test
    void the_code_of_the_window_before_is_still_taken_at_the_turn_and_an_older_one_has_expired() {
        long meeting = world.meetingUnderWay("前一时段的码", 3);
        CheckinWorld.awayFromTheTurn();
        long window = CheckinCodes.window(Instant.now());

        ApiClient.Response expired = world.scan(1, meeting, IN, codes.issue(meeting, IN, window - 2).code());
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.errors().get("code")).contains("已过期");
        assertThat(fixture.row(meeting, memberId(1)).checkedInAt()).isNull();

        ApiClient.Response previous = world.scan(1, meeting, IN, codes.issue(meeting, IN, window - 1).code());
        assertThat(previous.status()).as(previous.body()).isEqualTo(200);
        assertThat(previous.json().get("repeated").asBoolean()).isFalse();
        assertThat(fixture.row(meeting, memberId(1)).checkedInAt()).isNotNull();
    }

    @Test
    void forged_codes_other_meetings_codes_and_check_in_codes_used_to_check_out_are_refused_and_change_nothing() {
        long meeting = world.meetingUnderWay("各种无效的码", 3);
        long other = world.meetingUnderWay("另一次会议", 3);
        String good = world.screenCode(meeting, IN);
        String forged = good.substring(0, good.length() - 2) + (good.endsWith("AA") ? "BB" : "AA");

        Map<String, String> refusals = Map.of(
                forged, "二维码无效",
                "随便写的", "二维码无效",
                world.screenCode(other, IN), "另一次会议",
                world.screenCode(meeting, OUT), "这是签退二维码");
        refusals.forEach((code, reason) -> {
            ApiClient.Response r = world.scan(2, meeting, IN, code);
            assertThat(r.status()).as(code).isEqualTo(400);
            assertThat(r.errors().get("code")).as(code).contains(reason);
        });
        assertThat(world.scan(2, meeting, IN, good).status()).isEqualTo(200);
        ApiClient.Response inForOut = world.scan(2, meeting, OUT, good);
        assertThat(inForOut.status()).isEqualTo(400);
        assertThat(inForOut.errors().get("code")).contains("这是签到二维码");
        assertThat(world.memberApi(2).postJson("/api/v1/life/meetings/" + meeting + "/checkin", "{}").status()).isEqualTo(400);
        assertThat(fixture.row(meeting, memberId(2)).checkedOutAt()).isNull();
        assertThat(fixture.row(other, memberId(2)).checkedInAt()).isNull();
        assertThat(fixture.checkedIn(meeting)).isOne();
    }

    @Test
    void only_invitees_check_in_and_an_account_without_a_member_record_cannot_scan() {
        long meeting = world.meetingUnderWay("只有参会人员", 2);
        String code = world.screenCode(meeting, IN);
        ApiClient.Response notInvited = world.scan(5, meeting, IN, code);
        assertThat(notInvited.status()).isEqualTo(403);
        assertThat(notInvited.json().get("detail").asString()).contains("不在本次会议的参会人员名单中");
        ApiClient.Response secretary = world.secretary().post("/api/v1/life/meetings/" + meeting + "/checkin", Map.of("code", code));
        assertThat(secretary.status()).isEqualTo(403);
        assertThat(secretary.json().get("detail").asString()).contains("没有关联党员档案");
        assertThat(new ApiClient(port).post("/api/v1/life/meetings/" + meeting + "/checkin", Map.of("code", code)).status())
                .isEqualTo(401);
        assertThat(fixture.checkedIn(meeting)).isZero();
    }

    @Test
    void check_in_opens_thirty_minutes_before_the_start_not_a_minute_earlier() {
        long tooEarly = world.meeting("一分钟后才开放", Duration.ofMinutes(31), Duration.ofHours(1), 3);
        ApiClient.Response early = world.scan(0, tooEarly, IN, world.screenCode(tooEarly, IN));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().get("detail").asString()).contains("签到尚未开始");
        assertThat(fixture.checkedIn(tooEarly)).isZero();

        long justOpened = world.meeting("刚刚开放", Duration.ofMinutes(29).plusSeconds(50), Duration.ofHours(1), 3);
        assertThat(world.scan(0, justOpened, IN, world.screenCode(justOpened, IN)).status()).isEqualTo(200);
    }

    @Test
    void after_the_end_check_in_is_closed_while_check_out_stays_open_for_an_hour() {
        long ended = world.meeting("十分钟前结束", Duration.ofMinutes(-70), Duration.ofHours(1), 3);
        ApiClient.Response late = world.scan(0, ended, IN, world.screenCode(ended, IN));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().get("detail").asString()).contains("签到已于").contains("截止");
        assertThat(fixture.checkedIn(ended)).isZero();

        // the secretary enters who came, at the time they came; the member then checks out on leaving
        ApiClient.Response byHand = world.secretary().post("/api/v1/life/meetings/" + ended + "/attendance/" + memberId(0)
                + "/checkin", Map.of("reason", "手机没电，现场核实", "at", Instant.now().minus(Duration.ofMinutes(65)).toString()));
        assertThat(byHand.status()).as(byHand.body()).isEqualTo(200);
        ApiClient.Response out = world.scan(0, ended, OUT, world.screenCode(ended, OUT));
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(out.json().get("minutesPresent").asLong()).isBetween(64L, 66L);
        assertThat(out.json().get("message").asString()).startsWith("签退成功，本次参会");

        long longAgo = world.meeting("六十一分钟前结束", Duration.ofMinutes(-121), Duration.ofHours(1), 3);
        ApiClient.Response tooLate = world.scan(0, longAgo, OUT, world.screenCode(longAgo, OUT));
        assertThat(tooLate.status()).isEqualTo(400);
        assertThat(tooLate.json().get("detail").asString()).contains("签退已于");
    }

    @Test
    void a_cancelled_meeting_takes_no_scans_and_shows_no_code() {
        long meeting = world.meetingUnderWay("取消的会议", 3);
        String code = world.screenCode(meeting, IN);
        fixture.status(meeting, MeetingStatus.CANCELLED);
        ApiClient.Response r = world.scan(0, meeting, IN, code);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("已取消");
        assertThat(world.secretary().get("/api/v1/life/meetings/" + meeting + "/checkin-code").status()).isEqualTo(400);
        assertThat(world.secretary().post("/api/v1/life/meetings/" + meeting + "/attendance/" + memberId(0) + "/checkin",
                Map.of("reason", "补登")).status()).isEqualTo(400);
        assertThat(fixture.checkedIn(meeting)).isZero();
    }

    @Test
    void check_out_takes_its_own_code_after_a_check_in_and_gives_the_minutes_present() {
        long meeting = world.meetingUnderWay("签退", 3);
        ApiClient.Response before = world.scan(1, meeting, OUT, world.screenCode(meeting, OUT));
        assertThat(before.status()).isEqualTo(400);
        assertThat(before.json().get("detail").asString()).contains("还没有签到");

        assertThat(world.scan(1, meeting, IN, world.screenCode(meeting, IN)).status()).isEqualTo(200);
        ApiClient.Response out = world.scan(1, meeting, OUT, world.screenCode(meeting, OUT));
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.json().get("minutesPresent").asLong()).isZero();
        ApiClient.Response again = world.scan(1, meeting, OUT, world.screenCode(meeting, OUT));
        assertThat(again.json().get("message").asString()).startsWith("已签退于 ");
        FixtureRow row = FixtureRow.of(fixture.row(meeting, memberId(1)));
        assertThat(row.out()).isAfterOrEqualTo(row.in());
        assertThat(audited(meeting, "组织生活.签退")).isOne();
    }

    private record FixtureRow(Instant in, Instant out) {
        static FixtureRow of(MeetingFixture.Row r) {
            return new FixtureRow(r.checkedInAt(), r.checkedOutAt());
        }
    }

    @Test
    void by_hand_needs_a_reason_and_the_roll_shows_who_and_why() {
        long meeting = world.meetingUnderWay("手工签到", 3);
        String path = "/api/v1/life/meetings/" + meeting + "/attendance/" + memberId(2);
        ApiClient.Response noReason = world.secretary().post(path + "/checkin", Map.of("reason", "  "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errors()).containsKey("reason");
        ApiClient.Response future = world.secretary().post(path + "/checkin",
                Map.of("reason", "未带手机", "at", Instant.now().plus(Duration.ofMinutes(5)).toString()));
        assertThat(future.errors().get("at")).contains("不能晚于现在");
        ApiClient.Response tooEarly = world.secretary().post(path + "/checkin",
                Map.of("reason", "未带手机", "at", Instant.now().minus(Duration.ofMinutes(41)).toString()));
        assertThat(tooEarly.errors().get("at")).contains("签到时间应在");
        assertThat(fixture.checkedIn(meeting)).isZero();

        ApiClient.Response done = world.secretary().post(path + "/checkin", Map.of("reason", "未带手机，书记现场核实"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("checkedInBy").asString()).isEqualTo("签到测试书记");
        assertThat(done.json().get("checkedInReason").asString()).isEqualTo("未带手机，书记现场核实");
        assertThat(done.json().get("stateLabel").asString()).isEqualTo("已签到");
        ApiClient.Response twice = world.secretary().post(path + "/checkin", Map.of("reason", "再签一次"));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("detail").asString()).contains("手工签到");
        // the member's own scan now only answers when they were checked in
        assertThat(world.scan(2, meeting, IN, world.screenCode(meeting, IN)).json().get("repeated").asBoolean()).isTrue();

        ApiClient.Response out = world.secretary().post(path + "/checkout", Map.of("reason", "提前离会，未扫码"));
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(out.json().get("checkedOutBy").asString()).isEqualTo("签到测试书记");

        JsonNode roll = world.secretary().get("/api/v1/life/meetings/" + meeting + "/attendance").json();
        assertThat(roll.get("totals").get("checkedIn").asInt()).isOne();
        assertThat(roll.get("totals").get("checkedOut").asInt()).isOne();
        JsonNode entry = null;
        for (JsonNode e : roll.get("entries")) {
            if (e.get("memberId").asLong() == memberId(2)) {
                entry = e;
            }
        }
        assertThat(entry.get("checkedInReason").asString()).isEqualTo("未带手机，书记现场核实");
        assertThat(audited(meeting, "组织生活.手工签到")).isOne();
        assertThat(audited(meeting, "组织生活.手工签退")).isOne();
    }

    @Test
    void makeup_is_recorded_apart_from_attendance_for_an_absent_member_only() {
        long meeting = world.meeting("补课", Duration.ofHours(-3), Duration.ofHours(1), 3);
        String path = "/api/v1/life/meetings/" + meeting + "/attendance/";
        world.secretary().post(path + memberId(0) + "/checkin", Map.of("reason", "会后补登",
                "at", Instant.now().minus(Duration.ofMinutes(170)).toString()));

        ApiClient.Response present = world.secretary().post(path + memberId(0) + "/makeup",
                Map.of("on", LocalDate.now().toString(), "note", "自学"));
        assertThat(present.status()).isEqualTo(400);
        assertThat(present.json().get("detail").asString()).contains("无需补课");
        ApiClient.Response missing = world.secretary().post(path + memberId(1) + "/makeup",
                Map.of("on", LocalDate.now().minusDays(2).toString()));
        assertThat(missing.errors()).containsKeys("on", "note");

        ApiClient.Response made = world.secretary().post(path + memberId(1) + "/makeup",
                Map.of("on", LocalDate.now().toString(), "note", "自学会议记录，向书记汇报体会"));
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        assertThat(made.json().get("makeupNote").asString()).isEqualTo("自学会议记录，向书记汇报体会");
        assertThat(made.json().get("stateLabel").asString()).isEqualTo("未签到");
        JsonNode totals = world.secretary().get("/api/v1/life/meetings/" + meeting + "/attendance").json().get("totals");
        assertThat(totals.get("checkedIn").asInt()).isOne();
        assertThat(totals.get("madeUp").asInt()).isOne();
        assertThat(totals.get("absent").asInt()).isEqualTo(2);
        assertThat(audited(meeting, "组织生活.补课")).isOne();
    }

    @Test
    void a_check_in_after_the_meeting_was_recorded_tells_compliance_and_one_before_does_not() {
        long planned = world.meetingUnderWay("未记录时签到", 3);
        assertThat(world.scan(0, planned, IN, world.screenCode(planned, IN)).status()).isEqualTo(200);
        assertThat(changes.of(planned)).isEmpty();

        long recorded = world.meetingUnderWay("已记录后签到", 3);
        fixture.status(recorded, MeetingStatus.HELD);
        assertThat(world.scan(0, recorded, IN, world.screenCode(recorded, IN)).status()).isEqualTo(200);
        assertThat(world.secretary().post("/api/v1/life/meetings/" + recorded + "/attendance/" + memberId(1) + "/checkin",
                Map.of("reason", "迟到未扫码")).status()).isEqualTo(200);
        assertThat(changes.of(recorded)).hasSize(2).allSatisfy(c -> {
            assertThat(c.after().attended()).isEqualTo(c.before().attended() + 1);
            assertThat(c.after().invited()).isEqualTo(3);
            assertThat(c.after().counts()).isTrue();
        });
        assertThat(changes.of(recorded).get(1).after().attended()).isEqualTo(2);
        // a check-out changes nothing compliance reads
        world.scan(0, recorded, OUT, world.screenCode(recorded, OUT));
        assertThat(changes.of(recorded)).hasSize(2);
    }

    @Test
    void a_confirmed_record_takes_no_more_check_ins() {
        long meeting = world.meetingUnderWay("记录已确认", 3);
        fixture.status(meeting, MeetingStatus.CONFIRMED);
        assertThat(world.scan(0, meeting, IN, codes.current(meeting, IN, Instant.now()).code()).json().get("detail")
                .asString()).contains("记录已确认");
        assertThat(world.secretary().post("/api/v1/life/meetings/" + meeting + "/attendance/" + memberId(0) + "/checkin",
                Map.of("reason", "补登")).status()).isEqualTo(400);
        assertThat(fixture.checkedIn(meeting)).isZero();
    }

    @Test
    void a_member_reads_their_own_entry_of_the_roll_without_the_others_or_the_totals() {
        long meeting = world.meetingUnderWay("我的签到", 3);
        world.scan(1, meeting, IN, world.screenCode(meeting, IN));
        JsonNode own = world.memberApi(1).get("/api/v1/life/meetings/" + meeting + "/attendance").json();
        assertThat(own.get("manages").asBoolean()).isFalse();
        assertThat(own.has("totals")).isFalse();
        assertThat(own.get("entries").size()).isOne();
        assertThat(own.get("entries").get(0).get("memberId").asLong()).isEqualTo(memberId(1));
        assertThat(own.get("entries").get(0).get("stateLabel").asString()).isEqualTo("已签到");
        assertThat(world.memberApi(6).get("/api/v1/life/meetings/" + meeting + "/attendance").status()).isEqualTo(404);
        assertThat(world.memberApi(1).get("/api/v1/life/meetings/" + meeting + "/checkin-code").status()).isEqualTo(404);
    }

    @Test
    void approved_leave_shows_on_the_roll_and_a_member_on_leave_who_comes_after_all_checks_in() {
        long meeting = world.meetingUnderWay("请假", 3);
        fixture.approvedLeave(meeting, memberId(0));
        fixture.approvedLeave(meeting, memberId(1));
        assertThat(world.scan(1, meeting, IN, world.screenCode(meeting, IN)).status()).isEqualTo(200);
        JsonNode totals = world.secretary().get("/api/v1/life/meetings/" + meeting + "/attendance").json().get("totals");
        assertThat(totals.get("invited").asInt()).isEqualTo(3);
        assertThat(totals.get("onLeave").asInt()).isOne();
        assertThat(totals.get("checkedIn").asInt()).isOne();
        assertThat(totals.get("absent").asInt()).isOne();
    }
}
