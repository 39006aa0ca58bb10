package cn.zhibu.member;

import cn.zhibu.member.internal.MemberRepository;
import cn.zhibu.member.internal.MemberRow;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.JobHandler;
import cn.zhibu.platform.JobRun;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one 花名册 export: rows stream from the database in batches, are decrypted in parallel and written by a
 * streaming writer straight into the job's file in the database, so a million rows fit the normal heap.
 */
@Component
class RosterExportRun implements JobHandler<RosterExportRun.Detail> {

    private static final int BATCH = 2000;
    /** An .xlsx sheet holds 1,048,576 rows; larger rosters continue on 花名册(2), (3) … */
    private static final int ROWS_PER_SHEET = 1_000_000;

    /** What an export job keeps: the organization, the columns, the download's name. */
    record Detail(long orgId, String orgName, List<RosterColumn> columns, String fileName) {
    }

    private final MemberService members;
    private final MemberRepository registry;
    private final OrganizationService organizations;
    private final AuditLog audit;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate writing;

    RosterExportRun(MemberService members, MemberRepository registry, OrganizationService organizations,
                    AuditLog audit, PlatformTransactionManager transactions) {
        this.members = members;
        this.registry = registry;
        this.organizations = organizations;
        this.audit = audit;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
    }

    @Override
    public String kind() {
        return "member-export";
    }

    @Override
    public Class<Detail> detailType() {
        return Detail.class;
    }

    @Override
    public JobRun.Outcome<Detail> run(JobRun<Detail> run) throws IOException {
        DataScope scope = run.scope();
        Detail detail = run.detail();
        Organization org = organizations.getManaged(scope, detail.orgId());
        List<RosterColumn> columns = detail.columns();
        AtomicLong rows = new AtomicLong();
        try (OutputStream out = run.createFile(RosterExports.FILE)) {
            Workbook workbook = new Workbook(out, "Zhibu", "1.0");
            Sheets sheets = new Sheets(workbook, columns);
            readOnly.executeWithoutResult(tx -> {
                List<MemberRow> batch = new ArrayList<>(BATCH);
                registry.streamSubtree(org.path(), row -> {
                    batch.add(row);
                    if (batch.size() == BATCH) {
                        write(run, rows, sheets, batch, scope, columns);
                    }
                });
                write(run, rows, sheets, batch, scope, columns);
            });
            if (rows.get() == 0) {
                sheets.forRow(1); // an empty roster is still a sheet with its header
            }
            workbook.finish();
        }
        run.progress(rows.get(), rows.get());
        recordAudit(scope, org, run.id(), rows.get(), columns);
        return new JobRun.Outcome<>(ExportJob.DONE, null, detail);
    }

    /**
     * Shows a batch as the exporting role may see it (as before: in full for a role that sees sensitive fields, so
     * only then decrypted, on every core; else the stored masked forms), then writes it in order and flushes.
     */
    private void write(JobRun<Detail> run, AtomicLong rows, Sheets sheets, List<MemberRow> batch, DataScope scope,
                       List<RosterColumn> columns) {
        if (batch.isEmpty()) {
            return;
        }
        List<Member> shown = batch.parallelStream().map(row -> members.opened(scope, row)).toList();
        try {
            for (Member m : shown) {
                long n = rows.incrementAndGet();
                Worksheet sheet = sheets.forRow(n);
                int r = (int) ((n - 1) % ROWS_PER_SHEET) + 1;
                for (int c = 0; c < columns.size(); c++) {
                    sheet.inlineString(r, c, columns.get(c).valueOf(m));
                }
            }
            sheets.current.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batch.clear();
        run.progress(rows.get());
    }

    private void recordAudit(DataScope scope, Organization org, String jobId, long rows, List<RosterColumn> columns) {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("org", org.name());
        what.put("rows", rows);
        what.put("columns", columns.stream().map(RosterColumn::label).toList());
        what.put("sensitiveInFull", scope.seesSensitive()
                && (columns.contains(RosterColumn.ID_NUMBER) || columns.contains(RosterColumn.PHONE)));
        writing.executeWithoutResult(tx -> audit.record(scope, MemberAuditAction.EXPORTED, "member_export", jobId, org.path().value(),
                null, what));
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
}
