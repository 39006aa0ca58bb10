package cn.zhibu.member;

import cn.zhibu.member.internal.MemberRepository;
import cn.zhibu.member.internal.MemberRow;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import jakarta.annotation.PreDestroy;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 花名册 export of a subtree to .xlsx, in the background: rows stream from the database in batches, are decrypted in
 * parallel and written by a streaming writer, so a million rows fit the normal heap; the page polls the progress.
 * Jobs live in this app node's memory and their files for an hour; only their owner sees them.
 */
@Service
public class RosterExports {

    private static final Logger log = LoggerFactory.getLogger(RosterExports.class);
    private static final int BATCH = 2000;
    /** An .xlsx sheet holds 1,048,576 rows; larger rosters continue on 花名册(2), (3) … */
    private static final int ROWS_PER_SHEET = 1_000_000;
    private static final Duration KEEP = Duration.ofHours(1);

    private final MemberService members;
    private final MemberRepository registry;
    private final OrganizationService organizations;
    private final AuditLog audit;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate writing;
    private final Path dir;
    private final ExecutorService runner = BackgroundJob.thread("roster-export");
    private final Map<String, Running> jobs = new ConcurrentHashMap<>();

    RosterExports(MemberService members, MemberRepository registry, OrganizationService organizations,
                  AuditLog audit, PlatformTransactionManager transactions,
                  @Value("${zhibu.export.dir:${java.io.tmpdir}/zhibu-exports}") Path dir) {
        this.members = members;
        this.registry = registry;
        this.organizations = organizations;
        this.audit = audit;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
        this.dir = dir;
    }

    /** Queues the export of an organization's subtree with the chosen columns (all when none are chosen). */
    public ExportJob start(DataScope scope, long orgId, List<RosterColumn> columns) {
        Organization org = organizations.getManaged(scope, orgId);
        List<RosterColumn> chosen = columns == null || columns.isEmpty() ? List.of(RosterColumn.values())
                : columns.stream().distinct().toList();
        if (jobs.values().stream().filter(j -> j.ownerId == scope.actorId() && j.status.equals(ExportJob.RUNNING))
                .count() >= 2) {
            throw InvalidInputException.of("", "您已有2个导出正在进行，请稍后再试");
        }
        long total = members.breakdown(scope, org).total();
        Running job = new Running(UUID.randomUUID().toString(), scope.actorId(), org.name(), total);
        jobs.put(job.id, job);
        runner.submit(() -> run(job, scope, org, chosen));
        return job.snapshot();
    }

    public ExportJob get(DataScope scope, String id) {
        return owned(scope, id).snapshot();
    }

    /** The finished file of the caller's job. */
    public Path file(DataScope scope, String id) {
        Running job = owned(scope, id);
        if (!ExportJob.DONE.equals(job.status)) {
            throw InvalidInputException.of("", "导出尚未完成");
        }
        return job.file;
    }

    private Running owned(DataScope scope, String id) {
        Running job = id == null ? null : jobs.get(id);
        if (job == null || job.ownerId != scope.actorId()) {
            throw new NotFoundException("导出任务不存在或已过期（导出文件保留1小时）");
        }
        return job;
    }

    private void run(Running job, DataScope scope, Organization org, List<RosterColumn> columns) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(job.id + ".xlsx");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                Workbook workbook = new Workbook(out, "Zhibu", "1.0");
                Sheets sheets = new Sheets(workbook, columns);
                readOnly.executeWithoutResult(tx -> {
                    List<MemberRow> batch = new ArrayList<>(BATCH);
                    registry.streamSubtree(org.path(), row -> {
                        batch.add(row);
                        if (batch.size() == BATCH) {
                            write(job, sheets, batch, scope, columns);
                        }
                    });
                    write(job, sheets, batch, scope, columns);
                });
                if (job.rows.get() == 0) {
                    sheets.forRow(1); // an empty roster is still a sheet with its header
                }
                workbook.finish();
            }
            job.file = file;
            recordAudit(scope, org, job, columns);
            job.finish(ExportJob.DONE, null);
        } catch (Exception e) {
            log.warn("花名册导出失败", e);
            job.finish(ExportJob.FAILED, "导出失败：" + e.getMessage());
        }
    }

    /** Decrypts and masks a batch on every core, then writes it in order and lets the writer flush. */
    private void write(Running job, Sheets sheets, List<MemberRow> batch, DataScope scope, List<RosterColumn> columns) {
        if (batch.isEmpty()) {
            return;
        }
        List<Member> shown = batch.parallelStream().map(row -> members.toMember(scope, row)).toList();
        try {
            for (Member m : shown) {
                long n = job.rows.incrementAndGet();
                Worksheet sheet = sheets.forRow(n);
                int r = (int) ((n - 1) % ROWS_PER_SHEET) + 1;
                for (int c = 0; c < columns.size(); c++) {
                    sheet.inlineString(r, c, columns.get(c).valueOf(m));
                }
            }
            sheets.current.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        batch.clear();
        job.sampleHeap();
    }

    private void recordAudit(DataScope scope, Organization org, Running job, List<RosterColumn> columns) {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("org", org.name());
        what.put("rows", job.rows.get());
        what.put("columns", columns.stream().map(RosterColumn::label).toList());
        what.put("sensitiveInFull", scope.seesSensitive()
                && (columns.contains(RosterColumn.ID_NUMBER) || columns.contains(RosterColumn.PHONE)));
        writing.executeWithoutResult(tx -> audit.record(scope, "党员.导出", "member_export", job.id, org.path().value(),
                null, what));
    }

    @Scheduled(fixedDelayString = "PT10M")
    void forgetOldJobs() {
        Instant cutoff = Instant.now().minus(KEEP);
        jobs.values().removeIf(job -> {
            boolean old = job.finished() && job.startedAt.isBefore(cutoff);
            if (old && job.file != null) {
                try {
                    Files.deleteIfExists(job.file);
                } catch (IOException e) {
                    log.warn("无法删除过期的导出文件 {}", job.file);
                }
            }
            return old;
        });
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    /** The worksheets of one export, each with the header, a new one every {@link #ROWS_PER_SHEET} rows. */
    private static final class Sheets {
        private final Workbook workbook;
        private final List<RosterColumn> columns;
        private Worksheet current;
        private int count;

        Sheets(Workbook workbook, List<RosterColumn> columns) {
            this.workbook = workbook;
            this.columns = columns;
        }

        /** The sheet of the n-th data row (from 1), finishing the previous one when it is full. */
        Worksheet forRow(long n) throws IOException {
            int needed = (int) ((n - 1) / ROWS_PER_SHEET) + 1;
            if (needed > count) {
                if (current != null) {
                    current.finish();
                }
                count++;
                current = workbook.newWorksheet(count == 1 ? "花名册" : "花名册(" + count + ")");
                for (int c = 0; c < columns.size(); c++) {
                    current.inlineString(0, c, columns.get(c).label());
                    current.style(0, c).bold().set();
                }
                current.freezePane(0, 1);
            }
            return current;
        }
    }

    /** A job's mutable state; callers get {@link ExportJob} snapshots. */
    private static final class Running extends BackgroundJob {
        final String orgName;
        final long total;
        final AtomicLong rows = new AtomicLong();
        volatile Path file;

        Running(String id, long ownerId, String orgName, long total) {
            super(id, ownerId, ExportJob.RUNNING);
            this.orgName = orgName;
            this.total = total;
        }

        @Override
        boolean finished() {
            return !ExportJob.RUNNING.equals(status);
        }

        ExportJob snapshot() {
            return new ExportJob(id, ownerId, orgName, status, rows.get(), total, startedAt, elapsed(), peakHeapMb(),
                    "花名册-" + orgName + "-" + LocalDate.now() + ".xlsx", message);
        }
    }
}
