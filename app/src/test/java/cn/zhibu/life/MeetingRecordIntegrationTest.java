package cn.zhibu.life;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.AuditFilter;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The record of a meeting: saved once it started (PLANNED → HELD), 补录 by the local windows, the quorum of B6 and B7
 * from the roll, confirmed and locked, corrected with history, files by content, and who reads it — each change told
 * to compliance's listeners in the same transaction and audited.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingRecordIntegrationTest {

    private static final String PASSWORD = "Record@Test2026";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired MeetingFixture fixture;
    @Autowired RecordService records;
    @Autowired RecordAmendments amendments;
    @Autowired RecordFiles files;
    @Autowired RecordingMeetingListener listener;
    @Autowired AuditLog audit;
    @LocalServerPort int port;

    Organization committee;
    Organization branch;
    final List<Member> members = new ArrayList<>();
    Member notInvited;
    String suffix;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        committee = data.committee("记录测试党委" + suffix);
        branch = data.org(committee.id(), "记录测试支部", OrganizationType.BRANCH);
        for (String n : List.of("一", "二", "三", "四", "五", "六", "七", "八")) {
            members.add(data.member(branch.id(), "记录党员" + n, MemberStatus.FULL));
        }
        notInvited = data.member(branch.id(), "未邀请党员", MemberStatus.FULL);
        accounts.create("rsec" + suffix, PASSWORD, "记录支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branch.id())));
        accounts.create("radm" + suffix, PASSWORD, "记录党委组织员", null,
                List.of(new RoleGrant(Role.ORG_ADMIN, committee.id())));
        accounts.create("rm1" + suffix, PASSWORD, "记录党员一", members.get(0).id(), List.of(new RoleGrant(Role.MEMBER, null)));
        accounts.create("rnon" + suffix, PASSWORD, "未邀请党员", notInvited.id(), List.of(new RoleGrant(Role.MEMBER, null)));
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    /** A meeting held {@code daysAgo} days ago with the first {@code invited} members invited (all with a vote). */
    private long meeting(int daysAgo, int invited, MeetingKind... kinds) {
        long id = fixture.heldDaysAgo(branch, "记录测试会议", daysAgo, kinds);
        members.stream().limit(invited).forEach(m -> fixture.invite(id, m, true));
        return id;
    }

    private static RecordForm form(List<Long> present, String lateReason) {
        return new RecordForm("<p>学习<strong>党章</strong></p><script>alert(1)</script>", List.of("同意甲", " ", "同意乙"),
                "记录党员一", "记录党员二", present, lateReason);
    }

    private List<Long> firstPresent(int n) {
        return members.stream().limit(n).map(Member::id).toList();
    }

    @Test
    void a_record_is_saved_only_once_the_meeting_has_started() {
        long id = fixture.meeting(branch, "未开始的会议", Instant.now().plus(Duration.ofHours(3)), MeetingKind.THEME_DAY);
        assertThatThrownBy(() -> records.save(SYSTEM, id, form(List.of(), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("会议尚未开始");
        assertThat(fixture.status(id)).isEqualTo("PLANNED");
        assertThat(records.read(SYSTEM, id).minutes()).isNull();
    }

    @Test
    void saving_the_record_holds_the_meeting_marks_the_roll_and_tells_compliance() {
        long id = meeting(1, 3, MeetingKind.THEME_DAY);
        fixture.checkIn(id, members.get(0).id());
        MeetingRecord saved = records.save(SYSTEM, id, form(List.of(members.get(1).id()), null));

        assertThat(saved.meeting().status()).isEqualTo(MeetingStatus.HELD);
        assertThat(saved.meeting().late()).isFalse();
        assertThat(saved.meeting().recordedAt()).isNotNull();
        assertThat(saved.minutes().html()).isEqualTo("<p>学习<strong>党章</strong></p>");
        assertThat(saved.minutes().resolutions()).containsExactly("同意甲", "同意乙");
        assertThat(saved.attendance()).isEqualTo(new AttendanceTotals(3, 2, 0, 1, "应到3人，实到2人，请假0人，缺席1人"));
        assertThat(saved.roll()).extracting(RollEntry::presence)
                .containsExactly(Presence.CHECKED_IN, Presence.MARKED, Presence.ABSENT);
        assertThat(saved.quorum().applies()).isFalse();

        List<RecordingMeetingListener.Change> told = listener.of(id);
        assertThat(told).hasSize(1);
        assertThat(told.get(0).before().status()).isEqualTo(MeetingStatus.PLANNED);
        assertThat(told.get(0).after().status()).isEqualTo(MeetingStatus.HELD);
        assertThat(told.get(0).after().attended()).isEqualTo(2);
        assertThat(told.get(0).after().invited()).isEqualTo(3);
        assertThat(told.get(0).after().counts()).isTrue();

        // edited before confirmation: the member marked by hand is taken off, the scan stays
        MeetingRecord edited = records.save(SYSTEM, id, form(List.of(), null));
        assertThat(edited.roll()).extracting(RollEntry::presence)
                .containsExactly(Presence.CHECKED_IN, Presence.ABSENT, Presence.ABSENT);
        assertThat(listener.of(id)).hasSize(2);
        assertThat(listener.of(id).get(1).after().attended()).isEqualTo(1);
        // the same again changes no fact compliance reads: nothing told
        records.save(SYSTEM, id, form(null, null));
        assertThat(listener.of(id)).hasSize(2);

        assertThat(audit.search(SYSTEM, AuditFilter.ofType(RecordService.ENTITY), 0, 100).stream()
                .filter(e -> e.entityId().equals(Long.toString(id))).map(AuditLog.Entry::action))
                .containsExactlyInAnyOrder("组织生活.记录会议", "组织生活.修改会议记录", "组织生活.修改会议记录");
    }

    @Test
    void minutes_that_say_nothing_and_missing_names_are_refused_by_field() {
        long id = meeting(0, 1, MeetingKind.THEME_DAY);
        assertThatThrownBy(() -> records.save(SYSTEM, id, new RecordForm("<p><br></p><script>x</script>", null, " ",
                null, List.of(notInvited.id()), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("minutes", "chair", "minutesTaker", "presentMemberIds"));
        assertThat(fixture.status(id)).isEqualTo("PLANNED");
    }

    @Test
    void local_rule_a_record_8_days_after_the_meeting_is_late_and_needs_a_reason() {
        long id = meeting(8, 1, MeetingKind.THEME_DAY);
        assertThatThrownBy(() -> records.save(SYSTEM, id, form(List.of(), null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().get("lateReason")).contains("补录"));
        assertThat(fixture.status(id)).isEqualTo("PLANNED");
        MeetingRecord saved = records.save(SYSTEM, id, form(List.of(), "书记外出学习"));
        assertThat(saved.meeting().late()).isTrue();
        assertThat(saved.meeting().lateReason()).isEqualTo("书记外出学习");
        assertThat(listener.of(id).get(0).after().late()).isTrue();
        // compliance counts it on the day held, not the day recorded
        assertThat(listener.of(id).get(0).after().heldOn()).isEqualTo(LocalDate.now().minusDays(8));
    }

    @Test
    void local_rule_a_record_7_days_after_is_on_time_90_days_after_is_late_91_days_after_is_refused() {
        assertThat(records.save(SYSTEM, meeting(7, 1, MeetingKind.THEME_DAY), form(List.of(), null)).meeting().late())
                .isFalse();
        assertThat(records.save(SYSTEM, meeting(90, 1, MeetingKind.THEME_DAY), form(List.of(), "补录")).meeting().late())
                .isTrue();
        long tooLate = meeting(91, 1, MeetingKind.THEME_DAY);
        ApiClient.Response r = api("rsec").put("/api/v1/life/meetings/" + tooLate + "/record",
                apiForm(List.of(), "补录原因"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errors().get("heldOn")).contains("90天的补录期限", "不能再补录");
        assertThat(fixture.status(tooLate)).isEqualTo("PLANNED");
        assertThat(listener.of(tooLate)).isEmpty();
    }

    @Test
    void B6_general_assembly_with_4_of_8_present_is_recorded_but_marked_not_quorate() {
        long id = meeting(1, 8, MeetingKind.GENERAL_ASSEMBLY);
        MeetingRecord r = records.save(SYSTEM, id, form(firstPresent(4), null));
        assertThat(r.meeting().status()).isEqualTo(MeetingStatus.HELD);
        assertThat(r.quorum().applies()).isTrue();
        assertThat(r.quorum().quorate()).isFalse();
        assertThat(r.quorum().label()).isEqualTo("未达到法定人数");
        assertThat(listener.of(id).get(0).after().counts()).as("still held: it counts for B6's frequency").isTrue();
        ApiClient.Response page = api("rsec").get("/api/v1/life/meetings/" + id + "/record");
        assertThat(page.json().get("quorum").get("label").asString()).isEqualTo("未达到法定人数");
    }

    @Test
    void B6_general_assembly_with_5_of_8_present_is_quorate_and_non_voting_invitees_do_not_count() {
        long id = meeting(1, 8, MeetingKind.GENERAL_ASSEMBLY);
        Member probationary = data.member(branch.id(), "预备党员", MemberStatus.PROBATIONARY);
        fixture.invite(id, probationary, false);
        fixture.leave(id, members.get(7).id());
        MeetingRecord r = records.save(SYSTEM, id, form(firstPresent(5), null));
        assertThat(r.quorum().voting()).isEqualTo(8);
        assertThat(r.quorum().presentVoting()).isEqualTo(5);
        assertThat(r.quorum().quorate()).isTrue();
        assertThat(r.attendance()).isEqualTo(new AttendanceTotals(9, 5, 1, 3, "应到9人，实到5人，请假1人，缺席3人"));
    }

    @Test
    void B7_committee_meeting_with_1_of_2_present_is_not_quorate_and_2_of_3_is() {
        long two = meeting(1, 2, MeetingKind.COMMITTEE);
        assertThat(records.save(SYSTEM, two, form(firstPresent(1), null)).quorum().quorate()).isFalse();
        long three = meeting(1, 3, MeetingKind.COMMITTEE);
        assertThat(records.save(SYSTEM, three, form(firstPresent(2), null)).quorum().quorate()).isTrue();
    }

    @Test
    void an_edit_after_confirmation_is_refused_pointing_to_a_correction() {
        long id = meeting(1, 2, MeetingKind.THEME_DAY);
        ApiClient sec = api("rsec");
        assertThat(sec.post("/api/v1/life/meetings/" + id + "/record/confirm", Map.of()).status())
                .as("nothing to confirm before the record is saved").isEqualTo(400);
        assertThat(sec.put("/api/v1/life/meetings/" + id + "/record", apiForm(firstPresent(1), null)).status())
                .isEqualTo(200);
        ApiClient.Response confirmed = sec.post("/api/v1/life/meetings/" + id + "/record/confirm", Map.of());
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("meeting").get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(listener.of(id)).last().satisfies(c -> {
            assertThat(c.before().status()).isEqualTo(MeetingStatus.HELD);
            assertThat(c.after().status()).isEqualTo(MeetingStatus.CONFIRMED);
        });

        ApiClient.Response edit = sec.put("/api/v1/life/meetings/" + id + "/record", apiForm(firstPresent(2), null));
        assertThat(edit.status()).isEqualTo(400);
        assertThat(edit.body()).contains("已确认", "更正");
        assertThat(sec.post("/api/v1/life/meetings/" + id + "/record/confirm", Map.of()).body()).contains("已于");
        assertThat(records.read(SYSTEM, id).attendance().present()).isEqualTo(1);
    }

    @Test
    void a_correction_keeps_the_original_and_its_reason_and_tells_compliance() {
        long id = meeting(2, 3, MeetingKind.THEME_DAY);
        records.save(SYSTEM, id, form(firstPresent(2), null));
        assertThatThrownBy(() -> amendments.amend(SYSTEM, id, correction(null, null, "会议类型错了")))
                .hasMessageContaining("尚未确认");
        records.confirm(SYSTEM, id);
        int told = listener.of(id).size();

        LocalDate wasHeld = LocalDate.now().minusDays(2);
        RecordCorrection first = amendments.amend(SYSTEM, id, new RecordAmendment(wasHeld.minusDays(1),
                List.of(MeetingKind.THEME_DAY, MeetingKind.LECTURE), "<p>学习<strong>党章</strong>第二章</p>", null, null,
                null, firstPresent(3), "日期录错，应为前一天；党课同时进行"));
        assertThat(first.changes()).extracting(RecordCorrection.CorrectedField::field)
                .containsExactly("heldOn", "kinds", "minutes", "present");
        assertThat(first.changes().get(0).before()).isEqualTo(wasHeld.toString());
        assertThat(first.changes().get(1).after()).isEqualTo("党课、主题党日");
        assertThat(first.changes().get(2).before()).isEqualTo("<p>学习<strong>党章</strong></p>");
        assertThat(first.changes().get(3).after()).isEqualTo("记录党员一、记录党员二、记录党员三");

        MeetingRecord now = records.read(SYSTEM, id);
        assertThat(now.meeting().heldOn()).isEqualTo(wasHeld.minusDays(1));
        assertThat(now.meeting().kinds()).containsExactly(MeetingKind.LECTURE, MeetingKind.THEME_DAY);
        assertThat(now.meeting().status()).as("still locked").isEqualTo(MeetingStatus.CONFIRMED);
        assertThat(now.attendance().present()).isEqualTo(3);
        assertThat(now.corrections()).isEqualTo(1);
        RecordingMeetingListener.Change change = listener.of(id).get(told);
        assertThat(change.before().heldOn()).isEqualTo(wasHeld);
        assertThat(change.after().heldOn()).isEqualTo(wasHeld.minusDays(1));
        assertThat(change.after().kinds()).contains(MeetingKind.LECTURE);
        assertThat(change.after().attended()).isEqualTo(3);

        amendments.amend(SYSTEM, id, new RecordAmendment(null, null, null, null, "记录党员三", null, null, "主持人写错"));
        ApiClient.Response history = api("rsec").get("/api/v1/life/meetings/" + id + "/record/amendments");
        assertThat(history.json().size()).isEqualTo(2);
        assertThat(history.json().get(1).get("changes").get(0).get("before").asString()).isEqualTo("记录党员一");
        assertThat(history.json().get(1).get("reason").asString()).isEqualTo("主持人写错");
        assertThat(listener.of(id)).as("a change of the chair is nothing compliance reads").hasSize(told + 1);

        assertThatThrownBy(() -> amendments.amend(SYSTEM, id, correction(null, null, "没有变化")))
                .hasMessageContaining("没有要更正的内容");
        assertThatThrownBy(() -> amendments.amend(SYSTEM, id, correction("记录党员四", null, " ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("reason"));
        assertThatThrownBy(() -> amendments.amend(SYSTEM, id, new RecordAmendment(LocalDate.now().plusDays(1), null,
                null, null, null, null, null, "日期"))).hasMessageContaining("不能晚于");
        assertThatThrownBy(() -> amendments.amend(SYSTEM, id, new RecordAmendment(null, List.of(MeetingKind.GROUP),
                null, null, null, null, null, "类型"))).hasMessageContaining("党小组会由党小组召开（B8）");
        assertThat(audit.search(SYSTEM, AuditFilter.ofType(RecordService.ENTITY), 0, 100).stream()
                .filter(e -> e.entityId().equals(Long.toString(id)) && e.action().equals("组织生活.更正会议记录"))).hasSize(2);
    }

    private static RecordAmendment correction(String chair, List<Long> present, String reason) {
        return new RecordAmendment(null, null, null, null, chair, null, present, reason);
    }

    @Test
    void files_are_judged_by_their_content_and_locked_with_the_record() {
        long id = meeting(1, 2, MeetingKind.THEME_DAY);
        ApiClient sec = api("rsec");
        String base = "/api/v1/life/meetings/" + id + "/record/files";
        assertThat(sec.postFile(base, "照片.png", PNG).status()).as("the record is saved first").isEqualTo(400);
        records.save(SYSTEM, id, form(List.of(), null));

        byte[] exe = "MZ\u0090\u0000 This program cannot be run in DOS mode".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ApiClient.Response disguised = sec.postFile(base, "合影.png", exe);
        assertThat(disguised.status()).isEqualTo(415);
        assertThat(disguised.errors().get("file")).contains("文件内容与扩展名不符", "合影.png");
        assertThat(sec.postFile(base, "程序.exe", exe).errors().get("file")).contains("只能上传");

        ApiClient.Response photo = sec.postFile(base, "合影.png", PNG);
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        long photoId = photo.json().get("id").asLong();
        assertThat(photo.json().get("photo").asBoolean()).isTrue();
        ApiClient.Response pdf = sec.postFile(base, "签到表.pdf", "%PDF-1.4 签到表".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(pdf.status()).isEqualTo(201);
        assertThat(sec.get(base).json().size()).isEqualTo(2);
        ApiClient.Download download = sec.download(base + "/" + photoId);
        assertThat(download.body()).isEqualTo(PNG);
        assertThat(download.contentType()).isEqualTo("image/png");
        assertThat(sec.delete(base + "/" + pdf.json().get("id").asLong()).status()).isEqualTo(204);

        records.confirm(SYSTEM, id);
        assertThat(sec.delete(base + "/" + photoId).status()).isEqualTo(400);
        ApiClient.Response noReason = sec.postFile(base, "补充.pdf", "%PDF-1.4 x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errors()).containsKey("reason");
        RecordFile added = files.attach(SYSTEM, id, "补充.pdf", "%PDF-1.4 x".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "漏传签到表");
        assertThat(added.name()).isEqualTo("补充.pdf");
        assertThat(amendments.of(SYSTEM, id)).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo("漏传签到表");
            assertThat(c.changes().get(0).after()).isEqualTo("补充.pdf");
        });
        assertThat(files.list(SYSTEM, id)).hasSize(2);
    }

    @Test
    void invitees_read_the_confirmed_record_the_uninvited_and_strangers_do_not() {
        long id = meeting(1, 3, MeetingKind.THEME_DAY);
        records.save(SYSTEM, id, form(firstPresent(2), null));
        files.attach(SYSTEM, id, "合影.png", PNG, null);
        String path = "/api/v1/life/meetings/" + id + "/record";
        ApiClient invitee = api("rm1");
        assertThat(invitee.get(path).status()).as("a draft is the secretary's").isEqualTo(404);
        records.confirm(SYSTEM, id);

        ApiClient.Response read = invitee.get(path);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("minutes").get("html").asString()).contains("党章");
        long fileId = files.list(SYSTEM, id).get(0).id();
        assertThat(invitee.download(path + "/files/" + fileId).status()).isEqualTo(200);
        assertThat(invitee.get(path + "/amendments").status()).isEqualTo(200);
        assertThat(invitee.put(path, apiForm(List.of(), null)).status()).isEqualTo(403);
        assertThat(invitee.post(path + "/amendments", Map.of("chair", "我", "reason", "想改")).status()).isEqualTo(403);

        ApiClient uninvited = api("rnon");
        for (String p : List.of(path, path + "/amendments", path + "/files", path + "/files/" + fileId)) {
            ApiClient.Response r = uninvited.get(p);
            assertThat(r.status()).as(p).isEqualTo(404);
            assertThat(r.body()).as(p).doesNotContain("党章");
        }
        assertThat(api("radm").get(path).status()).as("the higher committee reads its subtree").isEqualTo(200);
    }

    private static Map<String, Object> apiForm(List<Long> present, String lateReason) {
        Map<String, Object> m = new HashMap<>();
        m.put("minutes", "<p>学习<strong>党章</strong></p>");
        m.put("resolutions", List.of("同意甲"));
        m.put("chair", "记录党员一");
        m.put("minutesTaker", "记录党员二");
        m.put("presentMemberIds", present);
        if (lateReason != null) {
            m.put("lateReason", lateReason);
        }
        return m;
    }
}
