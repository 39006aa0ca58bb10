package cn.zhibu.member;

import cn.zhibu.member.ImportJob.RowError;
import cn.zhibu.member.RosterRowCheck.Checked;
import cn.zhibu.member.internal.MemberBulkLoad;
import cn.zhibu.member.internal.MemberBulkLoad.NewMember;
import cn.zhibu.member.internal.MemberRollup;
import cn.zhibu.member.internal.MemberRow;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldCipher;
import cn.zhibu.platform.Masking;
import cn.zhibu.platform.RateLimitedException;
import cn.zhibu.platform.JobHandler;
import cn.zhibu.platform.JobRun;
import cn.zhibu.platform.TreePath;
import cn.zhibu.platform.input.InputValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs one roster import: every row checked as a form would be, duplicates in the file and in the registry found; a
 * file with any bad row imports nothing and keeps a report (row, column, why), unless the job is the user's explicit
 * choice of the good rows. Good rows go in by COPY in one transaction, with the roll-ups changed once for the whole
 * import and one audit entry.
 */
@Component
class RosterImportRun implements JobHandler<RosterImportRun.Detail> {

    private static final Logger log = LoggerFactory.getLogger(RosterImportRun.class);
    /** The report lists this many problems at most, then says how many more there are. */
    static final int REPORT_LIMIT = 1000;

    /**
     * What an import job keeps: the upload's name, whether only good rows go in, and what the check found (the
     * first {@link #REPORT_LIMIT} problems in row order, and how many there are in all).
     */
    record Detail(String fileName, boolean onlyValidRows, long errorRows, long errorCount, long imported,
                  List<RowError> errors) {

        static Detail queued(String fileName, boolean onlyValidRows) {
            return new Detail(fileName, onlyValidRows, 0, 0, 0, List.of());
        }

        Detail checked(long errorRows, long errorCount, List<RowError> errors) {
            return new Detail(fileName, onlyValidRows, errorRows, errorCount, imported, errors);
        }

        Detail imported(long imported) {
            return new Detail(fileName, onlyValidRows, errorRows, errorCount, imported, errors);
        }
    }

    private final OrganizationService organizations;
    private final MemberBulkLoad bulk;
    private final MemberRollup rollup;
    private final FieldCipher cipher;
    private final IdNumberCheck idNumbers;
    private final InputValidator input;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    RosterImportRun(OrganizationService organizations, MemberBulkLoad bulk, MemberRollup rollup, FieldCipher cipher,
                    IdNumberCheck idNumbers, InputValidator input, AuditLog audit,
                    PlatformTransactionManager transactions) {
        this.organizations = organizations;
        this.bulk = bulk;
        this.rollup = rollup;
        this.cipher = cipher;
        this.idNumbers = idNumbers;
        this.input = input;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public String kind() {
        return "member-import";
    }

    @Override
    public Class<Detail> detailType() {
        return Detail.class;
    }

    @Override
    public JobRun.Outcome<Detail> run(JobRun<Detail> run) throws IOException {
        long t0 = System.nanoTime();
        Detail detail = run.detail();
        List<String[]> raw = RosterReader.read(run.localCopy(RosterImports.FILE), RosterImports.MAX_ROWS);
        run.progress(0, raw.size());
        long t1 = System.nanoTime();
        if (raw.isEmpty()) {
            return new JobRun.Outcome<>(ImportJob.REJECTED, "文件中没有党员数据（第2行起填写，每行一名党员）", detail);
        }
        if (raw.size() > RosterImports.MAX_ROWS) {
            return new JobRun.Outcome<>(ImportJob.REJECTED, "一次最多导入" + RosterImports.MAX_ROWS + "行，请拆分文件", detail);
        }
        RosterRowCheck rows = new RosterRowCheck(organizations, input, run.scope(), raw);
        AtomicLong done = new AtomicLong();
        List<Checked> checked = IntStream.range(0, raw.size()).parallel().mapToObj(i -> {
            Checked c = rows.check(i + 2, raw.get(i));
            run.progress(done.incrementAndGet());
            return c;
        }).toList();
        long t2 = System.nanoTime();
        Map<String, byte[]> idHashes;
        try {
            idHashes = markDuplicates(run.scope(), checked);
        } catch (RateLimitedException e) {
            return new JobRun.Outcome<>(ImportJob.REJECTED, e.getMessage(), detail);
        }
        long t3 = System.nanoTime();
        detail = report(detail, checked);
        List<Checked> good = checked.stream().filter(c -> c.errors().isEmpty()).toList();
        if (detail.errorRows() > 0 && !detail.onlyValidRows()) {
            return new JobRun.Outcome<>(ImportJob.REJECTED, "有" + detail.errorRows() + "行存在错误，未导入任何数据。"
                    + "请按错误报告修改后重新上传，或选择只导入正确的" + good.size() + "行", detail);
        }
        if (good.isEmpty()) {
            return new JobRun.Outcome<>(ImportJob.REJECTED, "没有可导入的正确行", detail);
        }
        run.save(detail);
        run.state(ImportJob.IMPORTING);
        long imported = load(run.scope(), good, idHashes, run.id(), detail);
        log.info("党员导入 {} 行：读取 {} ms，逐行检查 {} ms，查重 {} ms，写入 {} ms", imported, (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
        return new JobRun.Outcome<>(ImportJob.DONE, null, detail.imported(imported));
    }

    /** The problems in row order: all counted, the first {@link #REPORT_LIMIT} kept. */
    private static Detail report(Detail detail, List<Checked> checked) {
        List<RowError> listed = new ArrayList<>();
        long errorRows = 0;
        long errorCount = 0;
        for (Checked c : checked) {
            if (c.errors().isEmpty()) {
                continue;
            }
            errorRows++;
            for (Map.Entry<String, String> e : c.errors().entrySet()) {
                if (errorCount++ < REPORT_LIMIT) {
                    listed.add(new RowError(c.row(), e.getKey(), e.getValue()));
                }
            }
        }
        return detail.checked(errorRows, errorCount, listed);
    }

    /**
     * Two rows with one 身份证号, or a 身份证号 already registered (or archived): the later row is wrong. Only rows
     * with nothing else wrong are looked up, and the answers are {@link IdNumberCheck}'s, as for the form (a number
     * registered outside the caller's scope gets only the generic text). Returns the lookup hashes it computed, which
     * the load stores.
     *
     * @throws RateLimitedException when the file holds more numbers registered elsewhere than the caller may look up
     *                              this hour
     */
    private Map<String, byte[]> markDuplicates(DataScope scope, List<Checked> checked) {
        Map<String, Integer> firstRow = new HashMap<>();
        List<Checked> withId = new ArrayList<>();
        for (Checked c : checked) {
            if (c.errors().containsKey("身份证号") || c.form().idNumber() == null) {
                continue;
            }
            Integer first = firstRow.putIfAbsent(c.form().idNumber(), c.row());
            if (first != null) {
                c.errors().put("身份证号", "与第" + first + "行的身份证号重复");
            } else if (c.errors().isEmpty()) {
                withId.add(c);
            }
        }
        Map<String, byte[]> hashes = withId.parallelStream().collect(Collectors.toConcurrentMap(
                c -> c.form().idNumber(), c -> cipher.lookupHash(c.form().idNumber())));
        Map<String, byte[]> inRowOrder = new LinkedHashMap<>();
        withId.forEach(c -> inRowOrder.put(c.form().idNumber(), hashes.get(c.form().idNumber())));
        Map<String, String> refused = idNumbers.refusals(scope, IdNumberUse.IMPORTED_MEMBER, inRowOrder);
        for (Checked c : withId) {
            String problem = refused.get(c.form().idNumber());
            if (problem != null) {
                c.errors().put("身份证号", problem);
            }
        }
        return hashes;
    }

    /** The good rows in by COPY, in one transaction: organizations locked, roll-ups changed once, one audit entry. */
    private long load(DataScope scope, List<Checked> good, Map<String, byte[]> idHashes, String jobId, Detail detail) {
        return transaction.execute(tx -> {
            long started = System.nanoTime();
            organizations.lockInPathOrder(good.stream().map(c -> c.org().id()).distinct().toList());
            List<Long> ids = bulk.nextIds(good.size());
            List<NewMember> rows = IntStream.range(0, good.size()).parallel().mapToObj(i -> {
                Checked c = good.get(i);
                MemberForm f = c.form();
                MemberRow row = new MemberRow(ids.get(i), c.org().id(), c.org().name(), c.org().path().value(),
                        c.org().rootId(), f.name(), f.gender(), f.ethnicity(), f.birthDate(), cipher.encrypt(f.idNumber()),
                        cipher.encrypt(f.phone()), Masking.idNumber(f.idNumber()), Masking.phone(f.phone()), f.education(), f.occupation(), f.status(), f.joinedOn(),
                        f.convertedOn(), f.jobTitle(), f.workUnit(), 0, PinyinNames.full(f.name()),
                        PinyinNames.initials(f.name()), null);
                return new NewMember(row, idHashes.get(f.idNumber()),
                        f.phone() == null ? null : cipher.lookupHash(f.phone()));
            }).toList();
            long encrypted = System.nanoTime();
            long loaded = bulk.load(rows);
            long copied = System.nanoTime();
            MemberRollup.Delta delta = new MemberRollup.Delta();
            for (NewMember n : rows) {
                delta.add(new TreePath(n.row().orgPath()), n.row(), 1);
            }
            rollup.apply(delta);
            log.info("党员导入写入：加密 {} ms，COPY {} ms，汇总 {} ms", (encrypted - started) / 1_000_000,
                    (copied - encrypted) / 1_000_000, (System.nanoTime() - copied) / 1_000_000);
            Map<String, Object> what = new LinkedHashMap<>();
            what.put("file", detail.fileName());
            what.put("rows", loaded);
            what.put("onlyValidRows", detail.onlyValidRows());
            what.put("skippedRows", detail.errorRows());
            what.put("organizations", good.stream().map(c -> c.org().name()).distinct().limit(50).toList());
            audit.record(scope, MemberAuditAction.IMPORTED, "member_import", jobId, commonPath(good), null, what);
            return loaded;
        });
    }

    /** The deepest path above every imported row's organization, so the entry is in the scope of who may see it. */
    private static String commonPath(List<Checked> good) {
        String common = good.get(0).org().path().value();
        for (Checked c : good) {
            String p = c.org().path().value();
            while (!p.startsWith(common)) {
                common = common.substring(0, common.lastIndexOf('/', common.length() - 2) + 1);
            }
        }
        return common;
    }
}
