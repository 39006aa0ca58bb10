package cn.zhibu.member;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.BackgroundJob;
import cn.zhibu.platform.BackgroundJobs;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;

/**
 * 花名册 export of a subtree to .xlsx, as a background job ({@link RosterExportRun}): any node of the cluster may run
 * it, and any node answers its progress and serves its file, for an hour after it finished. Only its owner sees it.
 */
@Service
public class RosterExports {

    static final String FILE = "roster.xlsx";
    private static final String NOT_FOUND = "导出任务不存在或已过期（导出文件保留1小时）";

    private final MemberService members;
    private final OrganizationService organizations;
    private final BackgroundJobs jobs;
    private final RosterExportRun run;

    RosterExports(MemberService members, OrganizationService organizations, BackgroundJobs jobs, RosterExportRun run) {
        this.members = members;
        this.organizations = organizations;
        this.jobs = jobs;
        this.run = run;
    }

    /** Queues the export of an organization's subtree with the chosen columns (all when none are chosen). */
    public ExportJob start(DataScope scope, long orgId, List<RosterColumn> columns) {
        Organization org = organizations.getManaged(scope, orgId);
        List<RosterColumn> chosen = columns == null || columns.isEmpty() ? List.of(RosterColumn.values())
                : columns.stream().distinct().toList();
        if (jobs.unfinished(run, scope.actorId()) >= 2) {
            throw InvalidInputException.of("", "您已有2个导出正在进行，请稍后再试");
        }
        long total = members.breakdown(scope, org).total();
        RosterExportRun.Detail detail = new RosterExportRun.Detail(org.id(), org.name(), chosen,
                "花名册-" + org.name() + "-" + LocalDate.now() + ".xlsx");
        return view(jobs.submit(run, scope, ExportJob.RUNNING, total, detail));
    }

    public ExportJob get(DataScope scope, String id) {
        return view(owned(scope, id));
    }

    /** The finished file of the caller's job, read from the database as it is sent. */
    public BackgroundJobs.StoredFile file(DataScope scope, String id) {
        BackgroundJob<RosterExportRun.Detail> job = owned(scope, id);
        if (!ExportJob.DONE.equals(job.state())) {
            throw InvalidInputException.of("", "导出尚未完成");
        }
        return jobs.file(job, FILE).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    private BackgroundJob<RosterExportRun.Detail> owned(DataScope scope, String id) {
        return jobs.find(run, id, scope.actorId()).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    private static ExportJob view(BackgroundJob<RosterExportRun.Detail> job) {
        return new ExportJob(job.id(), job.ownerId(), job.detail().orgName(), job.state(), job.progress(), job.total(),
                job.createdAt(), job.elapsedMs(), job.peakHeapMb(), job.detail().fileName(), job.message());
    }
}
