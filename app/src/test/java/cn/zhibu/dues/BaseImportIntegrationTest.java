package cn.zhibu.dues;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.MemberForm;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The January upload of bases: a bad row imports nothing and is reported by row, column and reason; a 身份证号 of
 * another branch reads as not found in the caller's organizations (never more); the good rows go in on request.
 */
@IntegrationTest
class BaseImportIntegrationTest {

    private static final String PASSWORD = "Import@Dues2026bases";

    @Autowired TestData data;
    @Autowired MemberService members;
    @Autowired UserAccounts accounts;
    @Autowired DuesBases bases;
    @LocalServerPort int port;

    @Test
    void a_file_with_a_bad_row_imports_nothing_then_the_good_rows_go_in_on_request() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        Organization mine = data.org(data.committee("导入甲党委" + suffix).id(), "导入甲支部", OrganizationType.BRANCH);
        Organization other = data.org(data.committee("导入乙党委" + suffix).id(), "导入乙支部", OrganizationType.BRANCH);
        MemberForm ownForm = TestData.form(mine.id(), "本支部党员", true, LocalDate.of(1980, 1, 2), MemberStatus.FULL);
        long own = members.create(SYSTEM, ownForm).id();
        MemberForm otherForm = TestData.form(other.id(), "外支部党员", false, LocalDate.of(1981, 2, 3), MemberStatus.FULL);
        long elsewhere = members.create(SYSTEM, otherForm).id();
        accounts.create("impsec" + suffix, PASSWORD, "导入书记", null, List.of(new RoleGrant(Role.SECRETARY, mine.id())));
        ApiClient api = ApiClient.loggedIn(port, "impsec" + suffix, PASSWORD);

        assertThat(api.download("/api/v1/dues/bases/imports/template").status()).isEqualTo(200);
        byte[] file = workbook(List.of(
                List.of(ownForm.idNumber(), "本支部党员", "工资收入", "2027-01", "8000", "100", "900", "", "", "", ""),
                List.of(otherForm.idNumber(), "外支部党员", "离退休", "2027-01", "", "", "", "", "6000", "", ""),
                List.of("110105194912310021", "某人", "公务员", "2027-01", "", "", "", "", "5000", "", "")));
        JsonNode job = finished(api, api.postFile("/api/v1/dues/bases/imports", "基数.xlsx", file).json().get("id").asString());
        assertThat(job.get("status").asString()).isEqualTo("REJECTED");
        assertThat(job.get("errorRows").asInt()).isEqualTo(2);
        assertThat(job.get("errors").toString()).contains("在您管理的党组织中未找到该身份证号的党员")
                .contains("党员类别").doesNotContain("导入乙支部").doesNotContain("外支部党员");
        assertThat(bases.history(SYSTEM, own)).isEmpty();

        JsonNode valid = finished(api, api.post("/api/v1/dues/bases/imports/" + job.get("id").asString() + "/valid-rows",
                java.util.Map.of()).json().get("id").asString());
        assertThat(valid.get("status").asString()).isEqualTo("DONE");
        assertThat(valid.get("imported").asInt()).isEqualTo(1);
        assertThat(bases.history(SYSTEM, own)).singleElement()
                .satisfies(b -> assertThat(b.amount()).isEqualByComparingTo("105.00"));   // 7000.00: 1.5%
        assertThat(bases.history(SYSTEM, elsewhere)).isEmpty();
    }

    private static JsonNode finished(ApiClient api, String id) throws InterruptedException {
        JsonNode job = api.get("/api/v1/dues/bases/imports/" + id).json();
        for (int i = 0; i < 60 && !job.get("finished").asBoolean(); i++) {
            Thread.sleep(500);
            job = api.get("/api/v1/dues/bases/imports/" + id).json();
        }
        return job;
    }

    private static byte[] workbook(List<List<String>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet sheet = wb.newWorksheet("党费基数");
        for (int c = 0; c < BaseTemplate.COLUMNS.size(); c++) {
            sheet.inlineString(0, c, BaseTemplate.COLUMNS.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                sheet.inlineString(r + 1, c, rows.get(r).get(c));
            }
        }
        wb.finish();
        return out.toByteArray();
    }
}
