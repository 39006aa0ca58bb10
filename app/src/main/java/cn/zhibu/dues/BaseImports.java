package cn.zhibu.dues;

import cn.zhibu.dues.internal.BaseImportRun;
import cn.zhibu.platform.BackgroundJob;
import cn.zhibu.platform.BackgroundJobs;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.XlsxGuard;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The January upload of bases from the .xlsx template ({@link BaseTemplate}), as the roster import does it: the file
 * is checked at once ({@link XlsxGuard}) and imported as a background job with progress; every row is checked as the
 * form would check it, members are found by 身份证号 within the caller's scope only; any bad row imports nothing
 * (a per-row report: row, column, reason) unless the caller then asks for the good rows only.
 */
@Service
public class BaseImports {

    public static final int MAX_ROWS = 200_000;
    public static final String FILE = "bases.xlsx";
    static final long MAX_FILE_BYTES = 30L << 20;
    static final XlsxGuard.Limits LIMITS = new XlsxGuard.Limits(1_000, 200L << 20, 400L << 20, 100,
            MAX_ROWS + 1_000, MAX_ROWS * BaseTemplate.COLUMNS.size(), 1_000);
    private static final String NOT_FOUND = "导入任务不存在或已过期";

    private final BackgroundJobs jobs;
    private final BaseImportRun run;

    BaseImports(BackgroundJobs jobs, BaseImportRun run) {
        this.jobs = jobs;
        this.run = run;
    }

    public BaseImportJob start(DataScope scope, InputStream upload, String fileName) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("您没有核定党费基数的权限");
        }
        String name = fileName == null || fileName.isBlank() ? "党费基数.xlsx"
                : Path.of(fileName.replace('\\', '/').replaceAll("^.*/", "")).getFileName().toString();
        try (BackgroundJobs.Received file = jobs.receive(upload, MAX_FILE_BYTES, "file",
                "文件不能超过" + (MAX_FILE_BYTES >> 20) + " MB，请拆分后分批导入")) {
            XlsxGuard.check(file.path(), "file", LIMITS);
            return view(jobs.submit(run, scope, BaseImportJob.CHECKING, 0, BaseImportRun.Detail.queued(name, false),
                    new BackgroundJobs.Attachment(FILE, file.open())));
        } catch (IOException e) {
            throw InvalidInputException.of("file", "上传的文件无法读取，请重试");
        }
    }

    /** Imports only the good rows of a checked file: the caller's explicit choice after the report. */
    public BaseImportJob importValidRows(DataScope scope, String jobId) {
        BackgroundJob<BaseImportRun.Detail> checked = owned(scope, jobId);
        if (!BaseImportJob.REJECTED.equals(checked.state()) || checked.total() - checked.detail().errorRows() <= 0) {
            throw InvalidInputException.of("", "该文件没有可导入的正确行，或已经导入");
        }
        return view(jobs.submitWithFileOf(run, scope, BaseImportJob.CHECKING, 0,
                BaseImportRun.Detail.queued(checked.detail().fileName(), true), checked.id(), FILE));
    }

    public BaseImportJob get(DataScope scope, String id) {
        return view(owned(scope, id));
    }

    private BackgroundJob<BaseImportRun.Detail> owned(DataScope scope, String id) {
        return jobs.find(run, id, scope.actorId()).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    private static BaseImportJob view(BackgroundJob<BaseImportRun.Detail> job) {
        BaseImportRun.Detail d = job.detail();
        return new BaseImportJob(job.id(), d.fileName(), job.state(), job.message(), job.total(), job.progress(),
                d.errorRows(), d.imported(), d.onlyValidRows(), d.errors(), job.finished());
    }
}
