package cn.zhibu.bench;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rosters in and out through the API, as a user would: a 花名册 export of the smallest subtree with at least
 * 1,000,000 members (the root when none is that large; the time to the millionth row is what the target judges),
 * and an import of 100,000 new members from the .xlsx template into sampled branches. Time and the app's peak heap
 * come from the job's own status. The imported members stay (work unit 基准测试导入).
 */
final class RosterBench {

    static final int EXPORT_ROWS = 1_000_000;
    static final int IMPORT_ROWS = 100_000;
    private static final String IMPORT_UNIT = "基准测试导入";
    private static final long POLL_MS = 200;

    private final ApiClient api;
    private final Db db;
    private final Map<Level, List<SampleOrg>> samples;
    private final List<String> notes;

    RosterBench(ApiClient api, Db db, Map<Level, List<SampleOrg>> samples, List<String> notes) {
        this.api = api;
        this.db = db;
        this.samples = samples;
        this.notes = notes;
    }

    Optional<ResultRow> export(long members) {
        List<SampleOrg> roots = samples.getOrDefault(Level.ROOT, List.of());
        if (roots.isEmpty()) {
            notes.add("export: no root organization in scope; not measured");
            return Optional.empty();
        }
        long orgId = db.queryLong("""
                select o.id from organization o
                join lateral (select coalesce(sum(n), 0) as n from member_rollup_now r
                              where r.org_id = o.id and r.dim = 'gender') c on true
                where o.status = 'ACTIVE' and c.n >= ? order by c.n, o.id limit 1""", EXPORT_ROWS);
        if (orgId == 0) {
            orgId = roots.get(0).id();
        }
        ApiResponse started = api.post("/api/v1/member-exports", Map.of("orgId", orgId));
        if (!started.ok()) {
            throw new BenchException("export did not start: " + started.describe());
        }
        String id = started.json().path("id").asString();
        long firstMillion = -1;
        JsonNode job;
        long begin = System.nanoTime();
        do {
            sleep();
            job = status("/api/v1/member-exports/" + id);
            if (firstMillion < 0 && job.path("rows").asLong() >= EXPORT_ROWS) {
                firstMillion = (System.nanoTime() - begin) / 1_000_000;
            }
        } while ("RUNNING".equals(job.path("status").asString()));
        LatencyStats stats = new LatencyStats();
        long elapsedMs = job.path("elapsedMs").asLong();
        if ("DONE".equals(job.path("status").asString())) {
            stats.recordSuccess(elapsedMs * 1_000_000);
        } else {
            stats.error("FAILED", job.path("message").asString());
        }
        stats.wallTime(elapsedMs * 1_000_000);
        long rows = job.path("rows").asLong();
        ResultRow row = ResultRow.of("export_1m", members, stats).with("rows", rows)
                .with("rows_per_s", ResultRow.round(rows * 1000.0 / Math.max(1, elapsedMs), 0))
                .with("peak_heap_mb", job.path("peakHeapMb").asLong());
        if (firstMillion >= 0) {
            row.with("first_1m_rows_ms", firstMillion);
        } else {
            notes.add("export: the largest subtree has " + rows + " members, under 1,000,000; judged on none");
        }
        return Optional.of(row);
    }

    Optional<ResultRow> importRows(long members) {
        List<SampleOrg> branches = samples.getOrDefault(Level.BRANCH, List.of());
        if (branches.isEmpty()) {
            notes.add("import: no branch sampled; not measured");
            return Optional.empty();
        }
        // a region code of its own per run, so a repeated run does not collide with the members an earlier one left
        long earlier = db.queryLong("select count(*) from member where work_unit = ?", IMPORT_UNIT) / IMPORT_ROWS;
        byte[] file = workbook(branches, "1198%02d".formatted(earlier % 100));
        ApiResponse started = api.postFile("/api/v1/member-imports", "基准测试导入.xlsx", file);
        if (!started.ok()) {
            throw new BenchException("import did not start: " + started.describe());
        }
        String id = started.json().path("id").asString();
        JsonNode job;
        do {
            sleep();
            job = status("/api/v1/member-imports/" + id);
        } while (!List.of("DONE", "REJECTED", "FAILED").contains(job.path("status").asString()));
        LatencyStats stats = new LatencyStats();
        long elapsedMs = job.path("elapsedMs").asLong();
        if ("DONE".equals(job.path("status").asString())) {
            stats.recordSuccess(elapsedMs * 1_000_000);
            notes.add("import: " + job.path("imported").asLong() + " members added to the data set (work unit "
                    + IMPORT_UNIT + ")");
        } else {
            stats.error(job.path("status").asString(), job.path("message").asString() + " "
                    + job.path("firstErrors").path(0));
        }
        stats.wallTime(elapsedMs * 1_000_000);
        return Optional.of(ResultRow.of("import_100k", members, stats).with("rows", job.path("imported").asLong())
                .with("file_mb", ResultRow.round(file.length / 1048576.0, 1))
                .with("peak_heap_mb", job.path("peakHeapMb").asLong()));
    }

    /** 100,000 valid rows of the template, spread over the sampled branches (by 组织编号). */
    private static byte[] workbook(List<SampleOrg> branches, String region) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> header = List.of("所在党组织", "组织编号", "姓名", "身份证号", "民族", "学历", "职业", "党员类别", "入党日期",
                "转正日期", "手机号", "工作单位", "职务");
        String given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂";
        try {
            Workbook wb = new Workbook(out, "bench", "1.0");
            Worksheet ws = wb.newWorksheet("党员信息");
            for (int c = 0; c < header.size(); c++) {
                ws.inlineString(0, c, header.get(c));
            }
            LocalDate firstBirth = LocalDate.of(1960, 1, 1);
            for (int i = 0; i < IMPORT_ROWS; i++) {
                int r = i + 1;
                LocalDate birth = firstBirth.plusDays(i % 10_000);
                String idNumber = IdNumbers.of(region, birth, i / 10_000);
                String joined = birth.plusYears(25).toString();
                ws.inlineString(r, 1, Long.toString(branches.get(i % branches.size()).id()));
                ws.inlineString(r, 2, "测试" + given.charAt(i % given.length()) + given.charAt(i / 7 % given.length()));
                ws.inlineString(r, 3, idNumber);
                ws.inlineString(r, 4, "汉族");
                ws.inlineString(r, 5, "大学本科");
                ws.inlineString(r, 6, "专业技术人员");
                ws.inlineString(r, 7, "正式党员");
                ws.inlineString(r, 8, joined);
                ws.inlineString(r, 9, birth.plusYears(26).toString());
                ws.inlineString(r, 11, IMPORT_UNIT);
            }
            wb.finish();
        } catch (IOException e) {
            throw new BenchException("could not build the import file", e);
        }
        return out.toByteArray();
    }

    private JsonNode status(String path) {
        ApiResponse answer = api.get(path);
        if (!answer.ok()) {
            throw new BenchException("job status " + path + ": " + answer.describe());
        }
        return answer.json();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }
}
