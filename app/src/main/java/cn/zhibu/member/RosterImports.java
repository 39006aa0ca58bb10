package cn.zhibu.member;

import cn.zhibu.member.ImportJob.RowError;
import cn.zhibu.platform.BackgroundJob;
import cn.zhibu.platform.BackgroundJobs;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.XlsxGuard;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Member import from the .xlsx template. The upload is checked at once (size, what it unpacks to, rows, cell lengths:
 * 413/415/400 with the reason) and then imported as a background job ({@link RosterImportRun}) that any node may run
 * and any node reports on: all or nothing with a per-row report, or only the good rows when the user asks.
 */
@Service
public class RosterImports {

    static final int MAX_ROWS = 200_000;
    static final String FILE = "upload.xlsx";
    /** 200,000 rows of the template are about 12 MB. */
    static final long MAX_FILE_BYTES = 50L << 20;
    /**
     * What a template file of {@link #MAX_ROWS} rows can need, with room: parts of up to 300 MB unpacked, 600 MB in
     * all, at most 100:1 packed; a cell of at most 2,000 characters (longer than any field takes).
     */
    static final XlsxGuard.Limits LIMITS = new XlsxGuard.Limits(1_000, 300L << 20, 600L << 20, 100,
            MAX_ROWS + 1_000, MAX_ROWS * RosterTemplate.COLUMNS.size(), 2_000);
    private static final int SHOWN_ERRORS = 200;
    private static final String NOT_FOUND = "导入任务不存在或已过期（保留1小时）";

    private final BackgroundJobs jobs;
    private final RosterImportRun run;

    RosterImports(BackgroundJobs jobs, RosterImportRun run) {
        this.jobs = jobs;
        this.run = run;
    }

    /** Checks the upload and queues its import; imports it if every row is good. */
    public ImportJob start(DataScope scope, InputStream upload, String fileName) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("您没有导入党员的权限");
        }
        String name = fileName == null || fileName.isBlank() ? "导入文件.xlsx"
                : Path.of(fileName.replace('\\', '/').replaceAll("^.*/", "")).getFileName().toString();
        try (BackgroundJobs.Received file = jobs.receive(upload, MAX_FILE_BYTES, "file",
                "文件不能超过" + (MAX_FILE_BYTES >> 20) + " MB，请拆分后分批导入")) {
            XlsxGuard.check(file.path(), "file", LIMITS);
            return view(jobs.submit(run, scope, ImportJob.CHECKING, 0,
                    RosterImportRun.Detail.queued(name, false), new BackgroundJobs.Attachment(FILE, file.open())));
        } catch (IOException e) {
            throw InvalidInputException.of("file", "上传的文件无法读取，请重试");
        }
    }

    /** Imports only the good rows of a checked file: the user's explicit choice after seeing the report. */
    public ImportJob importValidRows(DataScope scope, String jobId) {
        BackgroundJob<RosterImportRun.Detail> checked = owned(scope, jobId);
        if (!ImportJob.REJECTED.equals(checked.state()) || checked.total() - checked.detail().errorRows() <= 0) {
            throw InvalidInputException.of("", "该文件没有可导入的正确行，或已经导入");
        }
        return view(jobs.submitWithFileOf(run, scope, ImportJob.CHECKING, 0,
                RosterImportRun.Detail.queued(checked.detail().fileName(), true), checked.id(), FILE));
    }

    public ImportJob get(DataScope scope, String id) {
        return view(owned(scope, id));
    }

    /** The problems of a checked file, as a workbook: row, column, reason; at most 1,000, then how many more. */
    public byte[] report(DataScope scope, String id) {
        RosterImportRun.Detail detail = owned(scope, id).detail();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Zhibu", "1.0");
            Worksheet sheet = wb.newWorksheet("错误报告");
            List<String> header = List.of("行号", "列", "错误说明");
            for (int c = 0; c < header.size(); c++) {
                sheet.inlineString(0, c, header.get(c));
                sheet.style(0, c).bold().set();
            }
            sheet.width(2, 80);
            int r = 1;
            for (RowError e : detail.errors()) {
                sheet.value(r, 0, e.row());
                sheet.inlineString(r, 1, e.column());
                sheet.inlineString(r, 2, e.message());
                r++;
            }
            long more = detail.errorCount() - detail.errors().size();
            if (more > 0) {
                sheet.inlineString(r, 2, "另有" + more + "个错误未列出（共" + detail.errorCount() + "个，涉及"
                        + detail.errorRows() + "行）：请先改正以上错误后重新上传");
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private BackgroundJob<RosterImportRun.Detail> owned(DataScope scope, String id) {
        return jobs.find(run, id, scope.actorId()).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    private static ImportJob view(BackgroundJob<RosterImportRun.Detail> job) {
        RosterImportRun.Detail d = job.detail();
        return new ImportJob(job.id(), job.ownerId(), d.fileName(), job.state(), job.total(), job.progress(),
                d.errorRows(), d.imported(), d.onlyValidRows(), job.createdAt(), job.elapsedMs(), job.peakHeapMb(),
                d.errors().stream().limit(SHOWN_ERRORS).toList(), job.message());
    }
}
