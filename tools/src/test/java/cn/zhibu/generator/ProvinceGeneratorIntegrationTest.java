package cn.zhibu.generator;

import cn.zhibu.admission.AdmissionCase;
import cn.zhibu.admission.AdmissionFlow;
import cn.zhibu.admission.AdmissionService;
import cn.zhibu.admission.AdmissionStage;
import cn.zhibu.platform.DataScope;
import cn.zhibu.member.Gender;
import cn.zhibu.member.IdCardNumber;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.FieldCipher;
import cn.zhibu.platform.Masking;
import cn.zhibu.life.compliance.ComplianceHeatMap;
import cn.zhibu.life.compliance.ComplianceViews;
import cn.zhibu.support.ComplianceAudit;
import cn.zhibu.support.RollupAudit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The province generator on its own application and database (no demo data): a province of 20,000 members whose
 * tree, people, 身份证号 and roll-ups are consistent, which refuses to overwrite data, and which gives the same
 * province again for the same seed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"zhibu.demo.enabled=false", "zhibu.embedded-db.data-dir="})
@ActiveProfiles("test")
@DirtiesContext
class ProvinceGeneratorIntegrationTest {

    private static final int MEMBERS = 20_000;
    private static final long SEED = 20261123L;
    private static final String PASSWORD = "Sheng@2026";

    @Autowired ProvinceGenerator generator;
    @Autowired RollupAudit rollups;
    @Autowired JdbcClient jdbc;
    @Autowired AdmissionService admission;
    @Autowired FieldCipher cipher;
    @Autowired PasswordEncoder passwords;
    @Autowired cn.zhibu.platform.AuditLog audit;
    @Autowired ComplianceAudit compliance;
    @Autowired ComplianceViews complianceViews;

    @Test
    void generates_a_consistent_province_refuses_to_overwrite_and_repeats_itself_for_a_seed() {
        GenerationReport report = generator.generate(options(true));

        assertThat(report.members()).isEqualTo(MEMBERS);
        assertThat(count("member")).isEqualTo(MEMBERS);
        assertThat(count("organization")).isEqualTo(report.organizations());
        assertThat(rollups.memberMismatches()).isEmpty();
        assertThat(rollups.organizationMismatches()).isEmpty();
        assertTreeIsWellFormed();
        assertMembersSitInBranchesOrGroups();
        assertIdNumbersAreValidAndMatchThePeople();
        assertProvinceLooksLikeTheStatistics();
        assertAdmissionCasesAreConsistent();
        assertTheQuarterOfMeetingsIsConsistent();
        assertAccountsSequencesAndAudit(report);

        List<String> people = firstPeople();
        assertThatThrownBy(() -> generator.generate(options(false)))
                .isInstanceOf(GenerationRefused.class).hasMessageContaining("--replace");
        assertThat(count("member")).isEqualTo(MEMBERS);

        audit.checkpoint(); // anchors the first province's audit entry
        generator.generate(options(true));
        assertThat(firstPeople()).isEqualTo(people);
        assertThat(count("audit_log")).isEqualTo(1);
        // --replace empties the audit log on purpose: verification is told so, and does not report a cut chain
        assertThat(audit.verify().intact()).isTrue();
    }

    private static GeneratorOptions options(boolean replace) {
        return new GeneratorOptions(MEMBERS, SEED, PASSWORD, replace);
    }

    private void assertTreeIsWellFormed() {
        assertThat(jdbc.sql("select count(*) from organization where parent_id is null").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from organization c join organization p on p.id = c.parent_id
                where c.path <> p.path || c.id || '/' or c.depth <> p.depth + 1 or c.root_id <> p.root_id
                   or c.status <> 'ACTIVE'""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select distinct type from organization").query(String.class).list())
                .contains("LOCAL_COMMITTEE", "BASE_COMMITTEE", "GENERAL_BRANCH", "BRANCH", "JOINT_BRANCH", "GROUP");
        assertThat(jdbc.sql("select count(*) from organization where type = 'JOINT_BRANCH' and covered_units not between 2 and 5")
                .query(Long.class).single()).isZero();
    }

    private void assertMembersSitInBranchesOrGroups() {
        List<String> types = jdbc.sql("""
                select distinct o.type from member m join organization o on o.id = m.org_id""")
                .query(String.class).list();
        assertThat(types).allMatch(t -> OrganizationType.valueOf(t).holdsMembers());
        assertThat(jdbc.sql("""
                select count(*) from member m join organization o on o.id = m.org_id
                where m.org_path <> o.path or m.root_id <> o.root_id""").query(Long.class).single()).isZero();
    }

    private void assertIdNumbersAreValidAndMatchThePeople() {
        assertThat(jdbc.sql("select count(distinct id_number_hash) from member").query(Long.class).single())
                .isEqualTo(MEMBERS);
        // the search keys (V57), written after the load with the trigger off, match the members one for one
        assertThat(jdbc.sql("""
                select count(*) from member m join member_lookup l on l.id = m.id
                where l.id_number_hash = m.id_number_hash and l.name_initials = m.name_initials
                  and l.org_id = m.org_id""").query(Long.class).single()).isEqualTo(MEMBERS);
        assertThat(jdbc.sql("select count(*) from member_lookup").query(Long.class).single()).isEqualTo(MEMBERS);
        assertThat(jdbc.sql("select tgenabled from pg_trigger where tgname = 'member_lookup_insert'")
                .query(String.class).single()).isEqualTo("O");
        List<Map<String, Object>> sample = jdbc.sql("""
                select id_number_enc, id_number_hash, phone_enc, phone_hash, id_number_masked, phone_masked, gender,
                       birth_date from member
                where id % 61 = 0""").query().listOfRows();
        assertThat(sample).hasSizeGreaterThan(300);
        for (Map<String, Object> row : sample) {
            String idNumber = cipher.decrypt((byte[]) row.get("id_number_enc"));
            assertThat(IdCardNumber.isValid(idNumber)).as(idNumber).isTrue();
            IdCardNumber parsed = IdCardNumber.parse(idNumber);
            assertThat(parsed.birthDate()).isEqualTo(((Date) row.get("birth_date")).toLocalDate());
            assertThat(parsed.gender()).isEqualTo(Gender.valueOf((String) row.get("gender")));
            assertThat(row.get("id_number_hash")).isEqualTo(cipher.lookupHash(idNumber));
            String phone = cipher.decrypt((byte[]) row.get("phone_enc"));
            assertThat(phone).matches("1[3-9]\\d{9}");
            assertThat(row.get("phone_hash")).isEqualTo(cipher.lookupHash(phone));
            // issue 16: the masked display forms beside the ciphertext, so lists need no SM4
            assertThat(row.get("id_number_masked")).isEqualTo(Masking.idNumber(idNumber));
            assertThat(row.get("phone_masked")).isEqualTo(Masking.phone(phone));
        }
        assertThat(jdbc.sql("select count(*) from member where id_number_masked is null").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from admission_case where id_number_masked is null")
                .query(Long.class).single()).isZero();
    }

    /** About one case for fifteen members, each judged by the app as stored, with exact roll-ups. */
    private void assertAdmissionCasesAreConsistent() {
        long cases = count("admission_case");
        assertThat(cases).isBetween((long) MEMBERS / 20, (long) MEMBERS / 10);
        assertThat(rollups.admissionMismatches()).isEmpty();
        List<Long> sample = jdbc.sql("select id from admission_case where id % 37 = 0").query(Long.class).list();
        assertThat(sample).isNotEmpty();
        for (long id : sample) {
            AdmissionCase c = admission.get(DataScope.system("测试"), id);
            AdmissionFlow flow = AdmissionFlow.of(c);
            assertThat(flow.stage()).as("case " + id).isEqualTo(c.stage());
            assertThat(c.stage()).isIn(AdmissionStage.APPLICANT, AdmissionStage.ACTIVIST, AdmissionStage.TARGET);
            assertThat(IdCardNumber.isValid(c.idNumber())).isTrue();
            assertThat(c.steps()).allSatisfy(s -> assertThat(s.doneOn()).isBeforeOrEqualTo(LocalDate.now()));
        }
        // a case names its branch (no copy of the path since V61), and its root is the branch's
        assertThat(jdbc.sql("select count(*) from admission_case c join organization o on o.id = c.org_id "
                + "where c.root_id <> o.root_id or o.type not in ('BRANCH', 'JOINT_BRANCH', 'TEMPORARY_BRANCH')")
                .query(Long.class).single()).isZero();
    }

    /**
     * The current quarter's meetings: a few per member as invitations, every invitee a member of the organization
     * invited, and compliance roll-ups that a recount from the meetings finds exact; most branches met last month's
     * 主题党日 (when the quarter has a last month before today), some did not.
     */
    private void assertTheQuarterOfMeetingsIsConsistent() {
        long meetings = count("life_meeting");
        long invitations = count("life_invitee");
        assertThat(meetings).isGreaterThan(count("organization"));
        assertThat(invitations).isBetween(2L * MEMBERS, 5L * MEMBERS);
        assertThat(jdbc.sql("""
                select count(*) from life_invitee i join member m on m.id = i.member_id
                join life_meeting l on l.id = i.meeting_id
                where not (m.org_path >= l.org_path and m.org_path < left(l.org_path, -1) || '0')""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from life_meeting where held_on >= current_date or status not in ('HELD', 'CONFIRMED')")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from life_meeting where late").query(Long.class).single()).isPositive();
        assertThat(count("life_record")).isEqualTo(meetings);
        assertThat(compliance.mismatches()).isEmpty();
        ComplianceHeatMap map = complianceViews.heatMap(DataScope.system("测试"), 1, null, "THEME_DAY");
        ComplianceHeatMap.ComplianceHeatMapCell lastMonth = map.total().cells().stream()
                .filter(c -> "CLOSED".equals(c.state()) && c.met() > 0).reduce((a, b) -> b).orElse(null);
        if (lastMonth != null) {
            assertThat(lastMonth.percent()).isBetween(50, 99);
        }
    }

    private void assertProvinceLooksLikeTheStatistics() {
        assertThat(share("gender = 'FEMALE'")).isBetween(28.0, 34.0);
        assertThat(share("education in ('POSTGRADUATE', 'BACHELOR', 'COLLEGE')")).isBetween(54.0, 62.0);
        assertThat(share("ethnicity <> '汉族'")).isBetween(6.0, 9.5);
        assertThat(share("status = 'PROBATIONARY'")).isBetween(5.0, 9.0);
        LocalDate today = LocalDate.now();
        assertThat(jdbc.sql("""
                select count(*) from member
                where birth_date > :today or joined_on > :today or converted_on > :today
                   or joined_on < birth_date + interval '18 years'
                   or (status = 'FULL') <> (converted_on is not null)
                   or converted_on <> joined_on + interval '1 year'""").param("today", today)
                .query(Long.class).single()).isZero();
    }

    private void assertAccountsSequencesAndAudit(GenerationReport report) {
        List<String> grants = jdbc.sql("""
                select u.username || ' ' || u.display_name || ' ' || r.role || ' ' || coalesce(r.org_id::text, '-')
                from app_user u join user_role r on r.user_id = u.id order by u.username""")
                .query(String.class).list();
        assertThat(grants).containsExactly("admin 系统管理员 ADMIN -", "sheng 省委组织部 ORG_ADMIN 1");
        String hash = jdbc.sql("select password_hash from app_user where username = 'sheng'").query(String.class)
                .single();
        assertThat(passwords.matches(PASSWORD, hash)).isTrue();
        assertThat(jdbc.sql("select last_value from member_seq").query(Long.class).single()).isEqualTo(MEMBERS);
        assertThat(jdbc.sql("select last_value from organization_seq").query(Long.class).single())
                .isEqualTo(report.organizations());
        assertThat(jdbc.sql("select action || ' ' || after_json from audit_log").query(String.class).list())
                .singleElement().asString().contains("数据.生成", "\"members\":" + MEMBERS, "\"seed\":" + SEED);
    }

    /** Name, birth date and organization path of the first 1,000 members, with the organization's name. */
    private List<String> firstPeople() {
        return jdbc.sql("""
                select m.name || ' ' || m.birth_date || ' ' || m.org_path || ' ' || o.name
                from member m join organization o on o.id = m.org_id order by m.id limit 1000""")
                .query(String.class).list();
    }

    private double share(String condition) {
        return jdbc.sql("select 100.0 * count(*) filter (where " + condition + ") / count(*) from member")
                .query(Double.class).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
