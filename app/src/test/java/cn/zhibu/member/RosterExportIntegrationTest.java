package cn.zhibu.member;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.BackgroundJobs;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 花名册 export: the subtree's rows, the chosen columns, sensitive fields by role, owner-only jobs, audited. */
@IntegrationTest
class RosterExportIntegrationTest {

    @Autowired TestData data;
    @Autowired RosterExports exports;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    private ExportJob finished(DataScope scope, ExportJob job) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!job.finished() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            job = exports.get(scope, job.id());
        }
        return job;
    }

    private static List<Row> rows(BackgroundJobs.StoredFile file) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(file.content())) {
            return wb.getFirstSheet().read();
        }
    }

    @Test
    void exports_the_subtree_with_chosen_columns_and_masks_for_a_secretary() throws Exception {
        Organization committee = data.committee("导出测试党委");
        Organization branch = data.org(committee.id(), "导出测试支部", OrganizationType.BRANCH);
        Organization other = data.org(committee.id(), "导出测试二支部", OrganizationType.BRANCH);
        Member a = data.member(branch.id(), "导出甲", MemberStatus.FULL);
        data.member(branch.id(), "导出乙", MemberStatus.PROBATIONARY);
        data.member(other.id(), "导出丙", MemberStatus.FULL);

        ExportJob all = finished(SYSTEM, exports.start(SYSTEM, committee.id(), List.of()));
        assertThat(all.status()).isEqualTo(ExportJob.DONE);
        assertThat(all.rows()).isEqualTo(3);
        assertThat(all.total()).isEqualTo(3);
        List<Row> sheet = rows(exports.file(SYSTEM, all.id()));
        assertThat(sheet).hasSize(4);
        assertThat(sheet.get(0).getCellAsString(0)).contains("姓名");
        assertThat(sheet.stream().map(r -> r.getCellAsString(4).orElse(""))).contains(a.idNumber());

        DataScope secretary = new DataScope(77, "导出书记", false, List.of(), List.of(branch.path()), null, null, false);
        ExportJob masked = finished(secretary, exports.start(secretary, branch.id(),
                List.of(RosterColumn.NAME, RosterColumn.ID_NUMBER)));
        List<Row> maskedRows = rows(exports.file(secretary, masked.id()));
        assertThat(maskedRows).hasSize(3);
        assertThat(maskedRows.get(0).getCellCount()).isEqualTo(2);
        assertThat(maskedRows.stream().skip(1).map(r -> r.getCellAsString(1).orElse("")))
                .allSatisfy(id -> assertThat(id).contains("*").hasSize(18)).doesNotContain(a.idNumber());

        // Another user cannot see the job; a secretary cannot export another branch.
        assertThatThrownBy(() -> exports.get(SYSTEM, masked.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> exports.start(secretary, other.id(), List.of())).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select count(*) from audit_log where action = '党员.导出' and entity_id = ?")
                .param(masked.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void an_organization_named_with_a_line_break_still_downloads_its_roster() throws Exception {
        Organization committee = data.committee("换行导出党委");
        Organization branch = data.org(committee.id(), "换行导出支部", OrganizationType.BRANCH);
        data.member(branch.id(), "换行导出甲", MemberStatus.FULL);
        // a name entered before the input policy (V19 refuses it now, and the API too)
        legacyName(branch.id(), "换行\r\n导出支部\"; filename=evil.exe");

        ApiClient admin = ApiClient.loggedIn(port, DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
        ApiClient.Response started = admin.post("/api/v1/member-exports", java.util.Map.of("orgId", branch.id()));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!"DONE".equals(admin.get("/api/v1/member-exports/" + id).json().get("status").asString())
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(admin.request("/api/v1/member-exports/" + id
                + "/file").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        String disposition = file.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment; ").doesNotContain("\r", "\n", "evil.exe\"")
                .contains("filename*=UTF-8''");
        assertThat(file.headers().allValues("Content-Disposition")).hasSize(1);
        assertThat(new String(file.body(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    }

    /** Writes a name the check constraint would refuse, as data from before it was: the constraint is put back. */
    private void legacyName(long orgId, String name) {
        String constraint = "organization_name_text";
        String definition = jdbc.sql("select pg_get_constraintdef(oid) from pg_constraint where conname = ?")
                .param(constraint).query(String.class).single();
        jdbc.sql("alter table organization drop constraint " + constraint).update();
        try {
            jdbc.sql("update organization set name = ? where id = ?").params(name, orgId).update();
        } finally {
            jdbc.sql("alter table organization add constraint " + constraint + " " + definition).update();
        }
    }
}
