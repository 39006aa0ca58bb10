package cn.zhibu.member;

import cn.zhibu.admission.AdmissionCase;
import cn.zhibu.admission.AdmissionService;
import cn.zhibu.admission.ApplicationForm;
import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.Backfills;
import cn.zhibu.platform.FieldCipher;
import cn.zhibu.platform.MaskedForms;
import cn.zhibu.platform.Masking;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.MaskedColumns;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16: the masked 身份证号 and phone are stored on every write (V48), lists and cards read them without SM4 (a row
 * whose ciphertext is garbage still lists; opening it fails), the full number is decrypted only when a role allowed
 * to see it opens the record, the edit form never saves a masked number back, and the background pass fills rows
 * written before V48 with the masked forms of their decrypted values.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaskedFormsIntegrationTest {

    private static final String PASSWORD = "Masked@Forms2026";
    /** Not SM4 output: decrypting it fails its tag check. */
    private static final byte[] GARBAGE = new byte[40];

    @Autowired TestData data;
    @Autowired MemberService members;
    @Autowired MembershipService membership;
    @Autowired AdmissionService admission;
    @Autowired UserAccounts accounts;
    @Autowired Backfills backfills;
    @Autowired MaskedForms masked;
    @Autowired FieldCipher cipher;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    Organization committee;
    Organization branch;
    String suffix;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        committee = data.committee("脱敏存储党委" + suffix);
        branch = data.org(committee.id(), "脱敏存储支部", OrganizationType.BRANCH);
        accounts.create("madm" + suffix, PASSWORD, "脱敏管理员", null,
                List.of(new RoleGrant(Role.ORG_ADMIN, committee.id())));
        accounts.create("msec" + suffix, PASSWORD, "脱敏书记", null,
                List.of(new RoleGrant(Role.SECRETARY, branch.id())));
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    private Map<String, Object> stored(String table, long id) {
        return jdbc.sql("select id_number_masked, phone_masked from " + table + " where id = ?").param(id)
                .query().singleRow();
    }

    @Test
    void created_edited_archived_and_applied_records_store_the_masked_forms_of_their_numbers() {
        Member m = data.member(branch.id(), "脱敏录入", MemberStatus.FULL);
        assertThat(stored("member", m.id())).containsEntry("id_number_masked", Masking.idNumber(m.idNumber()))
                .containsEntry("phone_masked", "138****8000");

        MemberForm edited = TestData.form(branch.id(), "脱敏录入", m.gender() == Gender.MALE, LocalDate.of(1986, 4, 16),
                MemberStatus.FULL);
        edited = new MemberForm(edited.orgId(), edited.name(), edited.gender(), edited.ethnicity(), edited.birthDate(),
                edited.idNumber(), "13912345678", edited.education(), edited.occupation(), edited.status(),
                edited.joinedOn(), edited.convertedOn(), edited.jobTitle(), edited.workUnit());
        Member after = members.update(SYSTEM, m.id(), m.version(), edited);
        assertThat(stored("member", m.id())).containsEntry("id_number_masked", Masking.idNumber(edited.idNumber()))
                .containsEntry("phone_masked", "139****5678");
        assertThat(after.idNumber()).isEqualTo(edited.idNumber());

        membership.change(SYSTEM, m.id(), new StatusChange(StatusChangeKind.DECEASE, LocalDate.now(), "病故", null,
                "脱敏存储党委"));
        assertThat(stored("member_archive", m.id())).containsEntry("id_number_masked", Masking.idNumber(edited.idNumber()))
                .containsEntry("phone_masked", "139****5678");

        long caseId = applicant("脱敏申请人", "13700001111");
        assertThat(stored("admission_case", caseId)).containsEntry("phone_masked", "137****1111");
        assertThat(MaskedColumns.mismatches(jdbc, cipher, "admission_case", committee.path())).isEmpty();
    }

    private long applicant(String name, String phone) {
        return admission.apply(SYSTEM, new ApplicationForm(branch.id(), name,
                TestData.idNumber(LocalDate.of(2000, 3, 3), false), "汉族", Education.BACHELOR, Occupation.WORKER,
                null, phone, LocalDate.now().minusDays(2))).id();
    }

    @Test
    void a_list_a_search_and_a_card_show_the_stored_masked_forms_without_decrypting_only_opening_decrypts() {
        Member m = data.member(branch.id(), "脱敏乱码", MemberStatus.FULL);
        byte[][] real = jdbc.sql("select id_number_enc, phone_enc from member where id = ?").param(m.id())
                .query((rs, i) -> new byte[][]{rs.getBytes(1), rs.getBytes(2)}).single();
        jdbc.sql("update member set id_number_enc = ?, phone_enc = ? where id = ?").params(GARBAGE, GARBAGE, m.id())
                .update();
        try {
            ApiClient admin = api("madm");
            for (String path : List.of("/api/v1/members?orgId=" + branch.id() + "&size=100",
                    "/api/v1/members?q=" + m.idNumber())) {
                ApiClient.Response list = admin.get(path);
                assertThat(list.status()).as(list.body()).isEqualTo(200);
                JsonNode item = item(list.json(), m.id());
                assertThat(item.get("idNumber").asString()).isEqualTo(Masking.idNumber(m.idNumber()));
                assertThat(item.get("phone").asString()).isEqualTo("138****8000");
                assertThat(item.get("sensitiveShown").asBoolean()).isFalse();
                assertThat(list.body()).doesNotContain(m.idNumber());
            }
            assertThat(members.get(SYSTEM, m.id()).idNumber()).isEqualTo(Masking.idNumber(m.idNumber()));
            // the one path that decrypts: opening the record as a role that sees it in full
            assertThatThrownBy(() -> members.open(SYSTEM, m.id())).isInstanceOf(IllegalStateException.class);
        } finally {
            jdbc.sql("update member set id_number_enc = ?, phone_enc = ? where id = ?").params(real[0], real[1], m.id())
                    .update();
        }
        JsonNode opened = api("madm").get("/api/v1/members/" + m.id()).json();
        assertThat(opened.get("idNumber").asString()).isEqualTo(m.idNumber());
        assertThat(opened.get("phone").asString()).isEqualTo("13800138000");
        JsonNode bySecretary = api("msec").get("/api/v1/members/" + m.id()).json();
        assertThat(bySecretary.get("idNumber").asString()).isEqualTo(Masking.idNumber(m.idNumber()));
        assertThat(bySecretary.get("phone").asString()).isEqualTo("138****8000");
    }

    private static JsonNode item(JsonNode page, long id) {
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("member " + id + " not listed: " + page);
    }

    @Test
    void the_case_page_of_a_role_that_sees_masked_numbers_reads_the_stored_forms_without_decrypting() {
        long caseId = applicant("脱敏乱码申请人", "13700002222");
        byte[][] real = jdbc.sql("select id_number_enc, phone_enc from admission_case where id = ?").param(caseId)
                .query((rs, i) -> new byte[][]{rs.getBytes(1), rs.getBytes(2)}).single();
        jdbc.sql("update admission_case set id_number_enc = ?, phone_enc = ? where id = ?")
                .params(GARBAGE, GARBAGE, caseId).update();
        try {
            ApiClient.Response c = api("msec").get("/api/v1/admission/cases/" + caseId);
            assertThat(c.status()).as(c.body()).isEqualTo(200);
            assertThat(c.json().get("idNumber").asString()).contains("*");
            assertThat(c.json().get("phone").asString()).isEqualTo("137****2222");
        } finally {
            jdbc.sql("update admission_case set id_number_enc = ?, phone_enc = ? where id = ?")
                    .params(real[0], real[1], caseId).update();
        }
    }

    @Test
    void a_row_not_yet_filled_is_shown_with_the_masked_form_of_its_decrypted_value() {
        Member m = data.member(branch.id(), "脱敏未补", MemberStatus.FULL);
        jdbc.sql("update member set id_number_masked = null, phone_masked = null where id = ?").param(m.id()).update();
        JsonNode item = item(api("msec").get("/api/v1/members?orgId=" + branch.id() + "&size=100").json(), m.id());
        assertThat(item.get("idNumber").asString()).isEqualTo(Masking.idNumber(m.idNumber()));
        assertThat(item.get("phone").asString()).isEqualTo("138****8000");
        assertThat(masked.idNumber(null, cipher.encrypt(m.idNumber()))).isEqualTo(Masking.idNumber(m.idNumber()));
        assertThat(masked.phone(null, null)).isNull();
    }

    @Test
    void the_edit_form_never_saves_a_masked_number_back() {
        Member m = data.member(branch.id(), "脱敏编辑", MemberStatus.FULL);
        String maskedId = Masking.idNumber(m.idNumber());
        Map<String, Object> form = new java.util.HashMap<>(Map.of("orgId", branch.id(), "name", "脱敏编辑改",
                "gender", m.gender().name(), "ethnicity", "汉族", "birthDate", m.birthDate().toString(),
                "idNumber", maskedId, "phone", "138****8000", "education", m.education().name(),
                "occupation", m.occupation().name(), "status", "FULL"));
        form.put("joinedOn", m.joinedOn().toString());
        form.put("convertedOn", m.convertedOn().toString());

        // a role that sees the full number must send it: a masked one is refused, naming the field
        ApiClient.Response refused = api("madm").put("/api/v1/members/" + m.id(),
                Map.of("version", m.version(), "member", form));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.errors()).containsKey("idNumber");

        // a role that sees masked numbers sends them back: the stored numbers stay
        ApiClient.Response saved = api("msec").put("/api/v1/members/" + m.id(),
                Map.of("version", m.version(), "member", form));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        Member now = members.open(SYSTEM, m.id());
        assertThat(now.name()).isEqualTo("脱敏编辑改");
        assertThat(now.idNumber()).isEqualTo(m.idNumber());
        assertThat(now.phone()).isEqualTo("13800138000");
        assertThat(stored("member", m.id())).containsEntry("id_number_masked", maskedId)
                .containsEntry("phone_masked", "138****8000");
    }

    @Test
    void the_background_pass_fills_rows_written_before_v48_with_the_masked_forms_of_their_decrypted_values() {
        Member a = data.member(branch.id(), "脱敏回填甲", MemberStatus.FULL);
        Member b = data.member(branch.id(), "脱敏回填乙", MemberStatus.PROBATIONARY);
        Member noPhone = data.member(branch.id(), "脱敏回填丙", MemberStatus.FULL);
        jdbc.sql("update member set phone_enc = null, phone_hash = null, phone_masked = null where id = ?")
                .param(noPhone.id()).update();
        long caseId = applicant("脱敏回填申请人", null);
        jdbc.sql("update member set id_number_masked = null, phone_masked = null where id in (?, ?, ?)")
                .params(a.id(), b.id(), noPhone.id()).update();
        jdbc.sql("update admission_case set id_number_masked = null where id = ?").param(caseId).update();
        assertThat(MaskedColumns.mismatches(jdbc, cipher, "member", branch.path()))
                .contains(a.id(), b.id(), noPhone.id());

        backfills.restart("member-masked");
        backfills.restart("admission-case-masked");
        // small batches: the pass goes on from the id each batch reached
        long filled = backfills.run("member-masked", 2, masked.backfill("member"), Duration.ofMinutes(1));
        backfills.run("admission-case-masked", 2, masked.backfill("admission_case"), Duration.ofMinutes(1));

        assertThat(filled).isGreaterThanOrEqualTo(3);
        assertThat(backfills.done("member-masked")).isTrue();
        assertThat(backfills.done("admission-case-masked")).isTrue();
        assertThat(MaskedColumns.rows(jdbc, "member", branch.path())).isGreaterThanOrEqualTo(3);
        assertThat(MaskedColumns.mismatches(jdbc, cipher, "member", branch.path())).isEmpty();
        assertThat(MaskedColumns.mismatches(jdbc, cipher, "admission_case", branch.path())).isEmpty();
        assertThat(stored("member", noPhone.id())).containsEntry("phone_masked", null);
        // done: a later run reads one row and fills nothing
        assertThat(backfills.run("member-masked", 2, masked.backfill("member"), Duration.ofMinutes(1))).isZero();
    }
}
