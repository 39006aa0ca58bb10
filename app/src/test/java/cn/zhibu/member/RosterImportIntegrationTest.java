package cn.zhibu.member;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.RollupAudit;
import cn.zhibu.support.TestData;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.XlsxFiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Member import: all or nothing with a per-row report, or the good rows when asked; counts exact; in scope only. */
@IntegrationTest
class RosterImportIntegrationTest {

    @Autowired TestData data;
    @Autowired RosterImports imports;
    @Autowired RollupAudit rollups;
    @Autowired JdbcClient jdbc;
    @Autowired MemberService members;
    @Autowired cn.zhibu.platform.FieldCipher cipher;
    @Autowired MembershipService membership;
    @Autowired TransferService transfers;
    @LocalServerPort int port;

    Organization committee;
    Organization branch;
    Organization elsewhere;

    @BeforeEach
    void orgs() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        committee = data.committee("导入测试党委" + suffix);
        branch = data.org(committee.id(), "导入测试支部" + suffix, OrganizationType.BRANCH);
        elsewhere = data.org(data.committee("导入无关党委" + suffix).id(), "导入无关支部" + suffix, OrganizationType.BRANCH);
    }

    /** A fresh valid 身份证号 (each call another one). */
    private static String id(int n) {
        return TestData.idNumber(LocalDate.of(1980, 1, 1).plusDays(n), n % 2 == 0);
    }

    private List<String> row(String org, String name, String idNumber) {
        return new ArrayList<>(List.of(org, "", name, idNumber, "汉族", "大学本科", "党政机关工作人员", "正式党员",
                "2010-07-01", "2011-07-01", "13800138000", "测试单位", "科员"));
    }

    private static byte[] workbook(List<String> header, List<List<String>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("党员信息");
        for (int c = 0; c < header.size(); c++) {
            ws.inlineString(0, c, header.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                ws.inlineString(r + 1, c, rows.get(r).get(c));
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    private ImportJob run(DataScope scope, byte[] file) throws Exception {
        return finished(scope, imports.start(scope, new ByteArrayInputStream(file), "党员.xlsx"));
    }

    private ImportJob finished(DataScope scope, ImportJob job) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!job.finished() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            job = imports.get(scope, job.id());
        }
        return job;
    }

    private long membersIn(Organization org) {
        return jdbc.sql("select count(*) from member where org_id = ?").param(org.id()).query(Long.class).single();
    }

    @Test
    void a_clean_file_is_imported_whole_with_exact_rollups_and_one_audit_entry() throws Exception {
        List<List<String>> rows = List.of(row(branch.name(), "导入甲", id(1)), row(branch.name(), "导入乙", id(2)),
                row("", "导入丙", id(3)));
        rows.get(2).set(1, Long.toString(branch.id()));
        // a row whose last cells were left empty ends early in the file
        rows.get(1).subList(10, 13).clear();
        ImportJob job = run(SYSTEM, workbook(RosterTemplate.COLUMNS, rows));
        assertThat(job.status()).as(job.message()).isEqualTo(ImportJob.DONE);
        assertThat(job.imported()).isEqualTo(3);
        assertThat(membersIn(branch)).isEqualTo(3);
        assertThat(rollups.memberMismatches()).isEmpty();
        // issue 16: COPY writes the masked 身份证号 and phone beside the ciphertext
        assertThat(cn.zhibu.support.MaskedColumns.mismatches(jdbc, cipher, "member", branch.path())).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_log where action = '党员.批量导入' and entity_id = ?")
                .param(job.id()).query(Long.class).single()).isEqualTo(1);
        // V57: the COPY's one statement trigger wrote the search keys of all three
        assertThat(jdbc.sql("select count(*) from member_lookup l join member m on m.id = l.id"
                        + " where m.org_id = ? and l.org_id = m.org_id and l.id_number_hash = m.id_number_hash")
                .param(branch.id()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void one_bad_row_imports_nothing_and_reports_row_column_and_reason_then_good_rows_on_request() throws Exception {
        String good = id(10);
        String bad = good.substring(0, 17) + (good.endsWith("0") ? "1" : "0");
        String twice = id(11);
        List<List<String>> rows = List.of(row(branch.name(), "正确甲", twice), row(branch.name(), "校验位错", bad),
                row(branch.name(), "重复乙", twice), row("不存在的支部", "组织错", id(12)),
                row(branch.name(), "日期错", id(13)));
        rows.get(4).set(8, "2010-13-01");
        ImportJob rejected = run(SYSTEM, workbook(RosterTemplate.COLUMNS, rows));
        assertThat(rejected.status()).isEqualTo(ImportJob.REJECTED);
        assertThat(rejected.errorRows()).as(rejected.firstErrors().toString()).isEqualTo(4);
        assertThat(membersIn(branch)).isZero();
        assertThat(rejected.firstErrors()).extracting(ImportJob.RowError::row, ImportJob.RowError::column)
                .contains(org.assertj.core.groups.Tuple.tuple(3, "身份证号"), org.assertj.core.groups.Tuple.tuple(4, "身份证号"),
                        org.assertj.core.groups.Tuple.tuple(5, "所在党组织"), org.assertj.core.groups.Tuple.tuple(6, "入党日期"));
        assertThat(rejected.firstErrors()).anySatisfy(e -> assertThat(e.message()).contains("与第2行的身份证号重复"));
        try (ReadableWorkbook report = new ReadableWorkbook(new ByteArrayInputStream(imports.report(SYSTEM, rejected.id())))) {
            assertThat(report.getFirstSheet().read()).hasSize(1 + rejected.firstErrors().size());
        }

        ImportJob partial = finished(SYSTEM, imports.importValidRows(SYSTEM, rejected.id()));
        assertThat(partial.status()).isEqualTo(ImportJob.DONE);
        assertThat(partial.imported()).isEqualTo(1);
        assertThat(membersIn(branch)).isEqualTo(1);
        assertThat(rollups.memberMismatches()).isEmpty();
        // The same file again: everything is now a duplicate of the registry.
        ImportJob again = run(SYSTEM, workbook(RosterTemplate.COLUMNS, List.of(row(branch.name(), "正确甲", twice))));
        assertThat(again.firstErrors()).singleElement().satisfies(e -> assertThat(e.message()).contains("已登记为党员"));
    }

    @Test
    void archived_numbers_get_the_forms_answers_and_a_member_who_transferred_out_may_return() throws Exception {
        MemberForm deadForm = TestData.form(branch.id(), "已故者", true, LocalDate.of(1980, 2, 10), MemberStatus.FULL);
        Member dead = members.create(SYSTEM, deadForm);
        membership.change(SYSTEM, dead.id(), new StatusChange(StatusChangeKind.DECEASE, LocalDate.now(), "病故", null, null));
        MemberForm leftForm = TestData.form(branch.id(), "转出者", false, LocalDate.of(1980, 2, 11), MemberStatus.FULL);
        Member left = members.create(SYSTEM, leftForm);
        String deadId = deadForm.idNumber();
        String leftId = leftForm.idNumber();
        Transfer t = transfers.startOutbound(SYSTEM, left.id(), new OutboundRequest("外省某市某局机关党委", "工作调动"));
        while (transfers.get(SYSTEM, t.id()).status() == TransferStatus.IN_PROGRESS) {
            transfers.approve(SYSTEM, t.id(), "同意");
        }
        ImportJob job = run(SYSTEM, workbook(RosterTemplate.COLUMNS, List.of(row(branch.name(), "已故者", deadId),
                row(branch.name(), "转出者", leftId))));
        assertThat(job.status()).isEqualTo(ImportJob.REJECTED);
        assertThat(job.firstErrors()).singleElement().satisfies(e -> assertThat(e.message()).contains("已登记去世"));
        ImportJob partial = finished(SYSTEM, imports.importValidRows(SYSTEM, job.id()));
        assertThat(partial.imported()).isEqualTo(1);
        assertThat(rollups.memberMismatches()).isEmpty();
    }

    @Test
    void rows_outside_the_callers_scope_are_errors_and_jobs_are_private() throws Exception {
        DataScope secretary = new DataScope(91, "导入书记", false, List.of(), List.of(branch.path()), null, null, false);
        ImportJob job = run(secretary, workbook(RosterTemplate.COLUMNS,
                List.of(row(elsewhere.name(), "越权", id(20)), row(branch.name(), "本支部", id(21)))));
        assertThat(job.status()).isEqualTo(ImportJob.REJECTED);
        assertThat(job.firstErrors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.message()).contains("不在您的管理范围内");
        });
        assertThat(membersIn(elsewhere)).isZero();
        String jobId = job.id();
        assertThatThrownBy(() -> imports.get(SYSTEM, jobId)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void numbers_registered_outside_the_callers_scope_get_only_the_generic_text_and_only_rows_otherwise_valid_are_looked_up()
            throws Exception {
        DataScope secretary = new DataScope(8_000_000 + System.nanoTime() % 1_000_000, "导入查重书记", false,
                List.of(), List.of(branch.path()), null, null, false);
        String there = members.open(SYSTEM, data.member(elsewhere.id(), "他处党员", MemberStatus.FULL).id()).idNumber();
        Member deadThere = data.member(elsewhere.id(), "他处已故", MemberStatus.FULL);
        String deadThereId = members.open(SYSTEM, deadThere.id()).idNumber();
        membership.change(SYSTEM, deadThere.id(), new StatusChange(StatusChangeKind.DECEASE, LocalDate.now(), "病故",
                null, null));
        String here = members.open(SYSTEM, data.member(branch.id(), "本支部党员", MemberStatus.FULL).id()).idNumber();
        String alsoThere = members.open(SYSTEM, data.member(elsewhere.id(), "他处党员二", MemberStatus.FULL).id())
                .idNumber();
        List<String> badDate = row(branch.name(), "日期错但号码他处已登记", alsoThere);
        badDate.set(8, "2010-13-01");
        ImportJob job = run(secretary, workbook(RosterTemplate.COLUMNS, List.of(row(branch.name(), "他处号码", there),
                row(branch.name(), "他处已故号码", deadThereId), row(branch.name(), "本支部号码", here), badDate)));
        assertThat(job.status()).isEqualTo(ImportJob.REJECTED);
        assertThat(job.firstErrors()).filteredOn(e -> e.row() < 5).extracting(ImportJob.RowError::row,
                ImportJob.RowError::column, ImportJob.RowError::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(2, "身份证号", IdNumberUse.ELSEWHERE),
                org.assertj.core.groups.Tuple.tuple(3, "身份证号", IdNumberUse.ELSEWHERE),
                org.assertj.core.groups.Tuple.tuple(4, "身份证号", "该身份证号已登记为党员，不能重复录入"));
        // the row with a bad date is not looked up: its only error is the date
        assertThat(job.firstErrors()).filteredOn(e -> e.row() == 5).extracting(ImportJob.RowError::column)
                .containsExactly("入党日期");
        assertThat(jdbc.sql("select count(*) from audit_log where action = '身份证号.重复查询' and actor_id = ?")
                .param(secretary.actorId()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void a_file_with_more_numbers_registered_elsewhere_than_the_hourly_limit_is_refused_with_the_reason()
            throws Exception {
        DataScope secretary = new DataScope(9_000_000 + System.nanoTime() % 1_000_000, "导入试探书记", false,
                List.of(), List.of(branch.path()), null, null, false);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            String letter = String.valueOf((char) ('A' + i));
            String there = members.open(SYSTEM, data.member(elsewhere.id(), "他处党员" + letter, MemberStatus.FULL).id())
                    .idNumber();
            rows.add(row(branch.name(), "试探" + letter, there));
        }
        ImportJob job = run(secretary, workbook(RosterTemplate.COLUMNS, rows));
        assertThat(job.status()).isEqualTo(ImportJob.REJECTED);
        assertThat(job.message()).contains("超过20次");
        assertThat(job.firstErrors()).isEmpty();
        assertThat(membersIn(branch)).isZero();
    }

    @Test
    void a_file_that_is_not_the_template_is_refused_with_the_reason() throws Exception {
        ImportJob job = run(SYSTEM, workbook(List.of("名字", "身份证"), List.of(List.of("张三", id(30)))));
        assertThat(job.status()).isEqualTo(ImportJob.FAILED);
        assertThat(job.message()).contains("不是党员导入模板");
        assertThat(RosterTemplate.workbook()).isNotEmpty();
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void a_zip_bomb_of_one_100_million_character_string_is_refused_413_before_it_is_unpacked() throws Exception {
        // a valid workbook: the template's header, then one row whose name is shared string 13, 100 million letters
        byte[] bomb = XlsxFiles.of(out -> XlsxFiles.text(out, XlsxFiles.sharedRow(1, 0, 13) + XlsxFiles.sharedRow(2, 13, 1)),
                out -> {
                    for (String column : RosterTemplate.COLUMNS) {
                        XlsxFiles.text(out, "<si><t>" + column + "</t></si>");
                    }
                    XlsxFiles.repeated(out, 'a', 100_000_000L);
                });
        assertThat(bomb.length).isLessThan(200_000);
        ApiClient api = ApiClient.loggedIn(port, "admin", "Zhibu@2026");
        System.gc();
        long heapBefore = usedHeap();
        long started = System.nanoTime();
        ApiClient.Response r = api.postFile("/api/v1/member-imports", "党员.xlsx", bomb);
        long ms = (System.nanoTime() - started) / 1_000_000;
        long grewMb = (usedHeap() - heapBefore) >> 20;
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.body()).contains("膨胀超过100倍").doesNotContain("aaaaaaaaaa");
        assertThat(grewMb).as("heap growth in MB").isLessThan(64);
        assertThat(ms).as("answered in ms").isLessThan(5_000);
    }

    @Test
    void a_cell_longer_than_any_field_is_refused_400_naming_the_cell_and_not_repeating_it() throws Exception {
        List<String> row = row(branch.name(), "长名", id(40));
        row.set(11, "某单位".repeat(700));
        ApiClient api = ApiClient.loggedIn(port, "admin", "Zhibu@2026");
        ApiClient.Response r = api.postFile("/api/v1/member-imports", "党员.xlsx", workbook(RosterTemplate.COLUMNS,
                List.of(row)));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("单元格“L2”的内容超过2000个字符").doesNotContain("某单位某单位");
    }

    @Test
    void a_page_saved_as_xlsx_is_refused_415() {
        ApiClient api = ApiClient.loggedIn(port, "admin", "Zhibu@2026");
        ApiClient.Response r = api.postFile("/api/v1/member-imports", "党员.xlsx",
                "<html><body>党员名单</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(415);
        assertThat(r.body()).contains("不是 Excel 工作簿");
    }

    @Test
    void bad_values_are_quoted_in_at_most_30_characters_and_the_report_lists_1000_then_a_count() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            List<String> r = row(branch.name(), "报告" + (char) ('甲' + i % 50), id(100 + i));
            r.set(5, "不存在的学历" + "很长".repeat(150) + i);
            rows.add(r);
        }
        ImportJob job = run(SYSTEM, workbook(RosterTemplate.COLUMNS, rows));
        assertThat(job.status()).as(job.message()).isEqualTo(ImportJob.REJECTED);
        assertThat(job.errorRows()).isEqualTo(1_100);
        assertThat(job.firstErrors()).hasSize(200).allSatisfy(e -> {
            assertThat(e.column()).isEqualTo("学历");
            assertThat(e.message()).contains("…”（共30").doesNotContain("很长".repeat(20)).hasSizeLessThan(200);
        });
        try (ReadableWorkbook report = new ReadableWorkbook(new ByteArrayInputStream(imports.report(SYSTEM, job.id())))) {
            var lines = report.getFirstSheet().read();
            assertThat(lines).hasSize(1 + RosterImportRun.REPORT_LIMIT + 1);
            assertThat(lines.get(lines.size() - 1).getCellAsString(2).orElse("")).contains("另有100个错误未列出");
        }
    }

    @Test
    void cells_get_the_same_text_and_date_policy_as_the_forms() throws Exception {
        List<List<String>> rows = List.of(row(branch.name(), "方向\u202e控制", id(40)),
                row(branch.name(), "单位过长", id(41)), row(branch.name() + "\n第二行", "组织换行", id(42)),
                row(branch.name(), "日期过早", id(43)), row(branch.name(), "  首尾空白\u3000", id(44)));
        rows.get(1).set(RosterTemplate.WORK_UNIT, "单".repeat(101));
        rows.get(3).set(RosterTemplate.JOINED_ON, "1899-12-31");
        ImportJob job = run(SYSTEM, workbook(RosterTemplate.COLUMNS, rows));
        assertThat(job.status()).isEqualTo(ImportJob.REJECTED);
        assertThat(job.firstErrors()).extracting(ImportJob.RowError::row, ImportJob.RowError::column,
                ImportJob.RowError::message).contains(
                org.assertj.core.groups.Tuple.tuple(2, "姓名", "姓名不能含有改变文字方向的控制符（第3个字符）"),
                org.assertj.core.groups.Tuple.tuple(3, "工作单位", "工作单位不能超过100个字（现有101个字）"),
                org.assertj.core.groups.Tuple.tuple(4, "所在党组织", "所在党组织不能换行或含制表符（第" + (branch.name().length() + 1)
                        + "个字符）"),
                org.assertj.core.groups.Tuple.tuple(5, "入党日期", "入党日期不能早于1900年1月1日"));
        assertThat(job.errorRows()).isEqualTo(4);
        ImportJob partial = finished(SYSTEM, imports.importValidRows(SYSTEM, job.id()));
        assertThat(partial.imported()).isEqualTo(1);
        assertThat(jdbc.sql("select name from member where org_id = ?").param(branch.id()).query(String.class)
                .single()).isEqualTo("首尾空白");
    }
}
