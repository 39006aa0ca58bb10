package cn.zhibu.member;

import cn.zhibu.member.ImportJob.RowError;
import cn.zhibu.member.internal.MemberBulkLoad;
import cn.zhibu.member.internal.MemberBulkLoad.NewMember;
import cn.zhibu.member.internal.MemberRollup;
import cn.zhibu.member.internal.MemberRow;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldCipher;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.input.InputValidator;
import cn.zhibu.platform.input.TextKind;
import jakarta.annotation.PreDestroy;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Imports members from the .xlsx template in the background. Every row is checked as a form would be (身份证号 check
 * digit, dates, codes, organization in scope, duplicates in the file and in the registry); a file with any bad row
 * imports nothing and gets a per-row report, unless the user then asks to import only the good rows. Good rows go in
 * by COPY in one transaction, with the roll-ups changed once for the whole import and one audit entry.
 */
@Service
public class RosterImports {

    private static final Logger log = LoggerFactory.getLogger(RosterImports.class);
    static final int MAX_ROWS = 200_000;
    private static final int SHOWN_ERRORS = 200;
    private static final Duration KEEP = Duration.ofHours(1);
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.BASIC_ISO_DATE);
    private static final Map<String, String> FIELD_COLUMNS = Map.ofEntries(
            Map.entry("orgId", "所在党组织"), Map.entry("name", "姓名"), Map.entry("idNumber", "身份证号"),
            Map.entry("birthDate", "身份证号"), Map.entry("gender", "身份证号"), Map.entry("ethnicity", "民族"),
            Map.entry("education", "学历"), Map.entry("occupation", "职业"), Map.entry("status", "党员类别"),
            Map.entry("joinedOn", "入党日期"), Map.entry("convertedOn", "转正日期"), Map.entry("phone", "手机号"),
            Map.entry("jobTitle", "职务"), Map.entry("workUnit", "工作单位"), Map.entry("", "整行"));

    private final OrganizationService organizations;
    private final MemberBulkLoad bulk;
    private final MemberRollup rollup;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final InputValidator input;
    private final Path dir;
    private final ExecutorService runner = BackgroundJob.thread("roster-import");
    private final Map<String, Running> jobs = new ConcurrentHashMap<>();

    RosterImports(OrganizationService organizations, MemberBulkLoad bulk, MemberRollup rollup, FieldCipher cipher,
                  AuditLog audit, PlatformTransactionManager transactions, InputValidator input,
                  @Value("${zhibu.import.dir:${java.io.tmpdir}/zhibu-imports}") Path dir) {
        this.input = input;
        this.organizations = organizations;
        this.bulk = bulk;
        this.rollup = rollup;
        this.cipher = cipher;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.dir = dir;
    }

    /** Keeps the uploaded file and checks it in the background; imports it if every row is good. */
    public ImportJob start(DataScope scope, InputStream upload, String fileName) {
        if (!scope.hasManagedScope()) {
            throw new cn.zhibu.platform.ForbiddenException("您没有导入党员的权限");
        }
        String name = fileName == null || fileName.isBlank() ? "导入文件.xlsx" : Path.of(fileName).getFileName().toString();
        if (!name.toLowerCase().endsWith(".xlsx")) {
            throw InvalidInputException.of("file", "请上传 .xlsx 格式的导入模板（可先下载模板）");
        }
        Path stored;
        try {
            Files.createDirectories(dir);
            stored = dir.resolve(UUID.randomUUID() + ".xlsx");
            Files.copy(upload, stored, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("无法保存上传的文件", e);
        }
        return launch(scope, stored, name, false);
    }

    /** Imports only the good rows of a checked file: the user's explicit choice after seeing the report. */
    public ImportJob importValidRows(DataScope scope, String jobId) {
        Running checked = owned(scope, jobId);
        if (!ImportJob.REJECTED.equals(checked.status) || checked.rows - checked.errorRows.get() <= 0) {
            throw InvalidInputException.of("", "该文件没有可导入的正确行，或已经导入");
        }
        return launch(scope, checked.file, checked.fileName, true);
    }

    public ImportJob get(DataScope scope, String id) {
        return owned(scope, id).snapshot();
    }

    /** Every problem of a checked file, as a workbook: row, column, reason. */
    public byte[] report(DataScope scope, String id) {
        Running job = owned(scope, id);
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
            for (RowError e : job.sortedErrors()) {
                sheet.value(r, 0, e.row());
                sheet.inlineString(r, 1, e.column());
                sheet.inlineString(r, 2, e.message());
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private ImportJob launch(DataScope scope, Path file, String fileName, boolean onlyValid) {
        Running job = new Running(UUID.randomUUID().toString(), scope.actorId(), fileName, file, onlyValid);
        jobs.put(job.id, job);
        runner.submit(() -> {
            try {
                run(job, scope);
            } catch (InvalidInputException e) {
                job.finish(ImportJob.FAILED, String.join("；", e.messages()));
            } catch (RuntimeException | IOException e) {
                log.warn("党员导入失败", e);
                job.finish(ImportJob.FAILED, "导入失败：" + e.getMessage());
            }
        });
        return job.snapshot();
    }

    private Running owned(DataScope scope, String id) {
        Running job = id == null ? null : jobs.get(id);
        if (job == null || job.ownerId != scope.actorId()) {
            throw new NotFoundException("导入任务不存在或已过期（保留1小时）");
        }
        return job;
    }

    private void run(Running job, DataScope scope) throws IOException {
        long t0 = System.nanoTime();
        List<String[]> raw = read(job.file);
        job.rows = raw.size();
        long t1 = System.nanoTime();
        if (raw.isEmpty()) {
            job.finish(ImportJob.REJECTED, "文件中没有党员数据（第2行起填写，每行一名党员）");
            return;
        }
        if (raw.size() > MAX_ROWS) {
            job.finish(ImportJob.REJECTED, "一次最多导入" + MAX_ROWS + "行，请拆分文件");
            return;
        }
        Map<String, List<Organization>> byName = organizations.managedByName(scope,
                raw.stream().map(r -> r[RosterTemplate.ORG]).filter(s -> !s.isEmpty() && orgNameProblem(s) == null)
                        .collect(Collectors.toSet()));
        Map<Long, Organization> byId = new ConcurrentHashMap<>();
        List<Checked> checked = java.util.stream.IntStream.range(0, raw.size()).parallel()
                .mapToObj(i -> check(i + 2, raw.get(i), scope, byName, byId, job)).toList();
        long t2 = System.nanoTime();
        Map<String, byte[]> idHashes = markDuplicates(checked, job);
        job.sampleHeap();
        long t3 = System.nanoTime();
        List<Checked> good = checked.stream().filter(c -> c.errors.isEmpty()).toList();
        if (job.errorRows.get() > 0 && !job.onlyValid) {
            job.finish(ImportJob.REJECTED, "有" + job.errorRows.get() + "行存在错误，未导入任何数据。请按错误报告修改后重新上传，"
                    + "或选择只导入正确的" + good.size() + "行");
            return;
        }
        if (good.isEmpty()) {
            job.finish(ImportJob.REJECTED, "没有可导入的正确行");
            return;
        }
        job.status = ImportJob.IMPORTING;
        job.imported = load(scope, good, idHashes, job);
        job.sampleHeap();
        job.finish(ImportJob.DONE, null);
        log.info("党员导入 {} 行：读取 {} ms，逐行检查 {} ms，查重 {} ms，写入 {} ms", job.imported, (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
    }

    /** The data rows of the first sheet as trimmed text (dates as ISO), after checking the header is the template's. */
    private static List<String[]> read(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile());
             var stream = wb.getFirstSheet().openStream()) {
            var it = stream.iterator();
            if (!it.hasNext()) {
                return rows;
            }
            var header = it.next();
            for (int c = 0; c < RosterTemplate.COLUMNS.size(); c++) {
                String h = c < header.getCellCount() ? header.getCellAsString(c).orElse("").trim() : "";
                if (!h.equals(RosterTemplate.COLUMNS.get(c))) {
                    throw InvalidInputException.of("file", "这不是党员导入模板：第1行第" + (c + 1) + "列应为“"
                            + RosterTemplate.COLUMNS.get(c) + "”，请下载模板后按模板填写");
                }
            }
            while (it.hasNext()) {
                var row = it.next();
                String[] cells = new String[RosterTemplate.COLUMNS.size()];
                boolean any = false;
                for (int c = 0; c < cells.length; c++) {
                    // a row ends at its last filled cell: the columns after it are empty
                    cells[c] = c < row.getCellCount() ? text(row.getCell(c), c) : "";
                    any |= !cells[c].isEmpty();
                }
                if (any && !cells[RosterTemplate.ORG].startsWith("示例：")) {
                    rows.add(cells);
                }
            }
        } catch (org.dhatim.fastexcel.reader.ExcelReaderException | IllegalStateException e) {
            throw InvalidInputException.of("file", "无法读取该文件，请确认是 .xlsx 格式：" + e.getMessage());
        }
        return rows;
    }

    private static String text(Cell cell, int column) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        boolean date = column == RosterTemplate.JOINED_ON || column == RosterTemplate.CONVERTED_ON;
        if (cell.getType() == CellType.NUMBER) {
            if (date) {
                return cell.asDate().toLocalDate().toString();
            }
            if (column == RosterTemplate.ID_NUMBER) {
                return "#NUMBER"; // Excel kept only 15 significant digits: the number is lost
            }
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        return cell.getText() == null ? "" : TextKind.normalize(cell.getText());
    }

    /** One row checked: the form it makes, its organization, and what is wrong with it (column → reason). */
    private record Checked(int row, MemberForm form, Organization org, Map<String, String> errors) {
    }

    private Checked check(int row, String[] c, DataScope scope, Map<String, List<Organization>> byName,
                          Map<Long, Organization> byId, Running job) {
        Map<String, String> errors = new LinkedHashMap<>();
        Organization org = organization(c, scope, byName, byId, errors);
        Education education = byLabel(Education.values(), Education::label, c[RosterTemplate.EDUCATION], "学历", errors);
        Occupation occupation = byLabel(Occupation.values(), Occupation::label, c[RosterTemplate.OCCUPATION], "职业", errors);
        MemberStatus status = byLabel(MemberStatus.values(), MemberStatus::label, c[RosterTemplate.STATUS], "党员类别", errors);
        LocalDate joined = date(c[RosterTemplate.JOINED_ON], "入党日期", errors);
        LocalDate converted = date(c[RosterTemplate.CONVERTED_ON], "转正日期", errors);
        String id = c[RosterTemplate.ID_NUMBER];
        if ("#NUMBER".equals(id)) {
            errors.put("身份证号", "身份证号被 Excel 当作数字保存，末几位已丢失：请将该列设为文本格式后重新填写");
            id = "";
        }
        MemberForm form = MemberService.complete(new MemberForm(org == null ? null : org.id(),
                blankToNull(c[RosterTemplate.NAME]), null, blankToNull(c[RosterTemplate.ETHNICITY]), null,
                blankToNull(id), blankToNull(c[RosterTemplate.PHONE]), education, occupation, status, joined, converted,
                blankToNull(c[RosterTemplate.JOB_TITLE]), blankToNull(c[RosterTemplate.WORK_UNIT])));
        FieldErrors formErrors = new FieldErrors();
        // the input policy first, by the same validator as the API and the form (a NUL, a line break, 500 characters)
        input.problems(form).forEach(formErrors::reject);
        MemberService.validate(form, formErrors);
        try {
            formErrors.throwIfAny();
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> errors.putIfAbsent(FIELD_COLUMNS.getOrDefault(field, field),
                    message));
        }
        if (!errors.isEmpty()) {
            job.errors(row, errors);
        }
        job.checked.incrementAndGet();
        return new Checked(row, form, org, errors);
    }

    private Organization organization(String[] c, DataScope scope, Map<String, List<Organization>> byName,
                                      Map<Long, Organization> byId, Map<String, String> errors) {
        String idText = c[RosterTemplate.ORG_ID];
        Organization org = null;
        if (!idText.isEmpty()) {
            try {
                long id = Long.parseLong(idText);
                org = byId.computeIfAbsent(id, k -> {
                    try {
                        return organizations.getManaged(scope, k);
                    } catch (NotFoundException e) {
                        return null;
                    }
                });
                if (org == null) {
                    errors.put("组织编号", "组织编号" + idText + "不存在或不在您的管理范围内");
                    return null;
                }
            } catch (NumberFormatException e) {
                errors.put("组织编号", "组织编号应为数字");
                return null;
            }
        } else if (c[RosterTemplate.ORG].isEmpty()) {
            errors.put("所在党组织", "请填写所在党组织");
            return null;
        } else if (orgNameProblem(c[RosterTemplate.ORG]) != null) {
            errors.put("所在党组织", orgNameProblem(c[RosterTemplate.ORG]));
            return null;
        } else {
            List<Organization> named = byName.getOrDefault(c[RosterTemplate.ORG], List.of());
            if (named.isEmpty()) {
                errors.put("所在党组织", "“" + c[RosterTemplate.ORG] + "”不存在、已撤销或不在您的管理范围内");
                return null;
            }
            if (named.size() > 1) {
                errors.put("所在党组织", "有" + named.size() + "个组织名为“" + c[RosterTemplate.ORG] + "”，请填写组织编号");
                return null;
            }
            org = named.get(0);
        }
        if (!org.active() || !org.type().holdsMembers()) {
            errors.put("所在党组织", "党员应编入党支部或党小组，“" + org.name() + "”是" + org.typeLabel());
            return null;
        }
        return org;
    }

    /**
     * Two rows with one 身份证号, or a 身份证号 already registered (or archived): the later row is wrong. Returns the
     * lookup hashes it computed, which the load stores.
     */
    private Map<String, byte[]> markDuplicates(List<Checked> checked, Running job) {
        Map<String, Integer> firstRow = new HashMap<>();
        List<Checked> withId = new ArrayList<>();
        for (Checked c : checked) {
            if (c.errors.containsKey("身份证号") || c.form.idNumber() == null) {
                continue;
            }
            Integer first = firstRow.putIfAbsent(c.form.idNumber(), c.row);
            if (first != null) {
                addError(c, job, "与第" + first + "行的身份证号重复");
            } else {
                withId.add(c);
            }
        }
        Map<String, byte[]> hashes = withId.parallelStream().collect(Collectors.toConcurrentMap(
                c -> c.form.idNumber(), c -> cipher.lookupHash(c.form.idNumber())));
        Map<String, String> known = new HashMap<>();
        List<byte[]> all = new ArrayList<>(hashes.values());
        for (int i = 0; i < all.size(); i += 10_000) {
            known.putAll(bulk.knownIdHashes(all.subList(i, Math.min(all.size(), i + 10_000))));
        }
        for (Checked c : withId) {
            String hex = HexFormat.of().formatHex(hashes.get(c.form.idNumber()));
            if (!known.containsKey(hex)) {
                continue;
            }
            // the same answers as the form: registered or archived refuses; one who transferred out may come back
            String archived = known.get(hex);
            String problem = archived == null ? "该身份证号已登记为党员，不能重复录入"
                    : MemberService.archivedIdProblem(ArchiveStatus.valueOf(archived));
            if (problem != null) {
                addError(c, job, problem);
            }
        }
        return hashes;
    }

    private static void addError(Checked c, Running job, String message) {
        boolean first = c.errors.isEmpty();
        c.errors.put("身份证号", message);
        job.addError(new RowError(c.row, "身份证号", message), first);
    }

    /** The good rows in by COPY, in one transaction: organizations locked, roll-ups changed once, one audit entry. */
    private long load(DataScope scope, List<Checked> good, Map<String, byte[]> idHashes, Running job) {
        return transaction.execute(tx -> {
            long started = System.nanoTime();
            organizations.lockInPathOrder(good.stream().map(c -> c.org.id()).distinct().toList());
            List<Long> ids = bulk.nextIds(good.size());
            List<NewMember> rows = java.util.stream.IntStream.range(0, good.size()).parallel().mapToObj(i -> {
                Checked c = good.get(i);
                MemberForm f = c.form;
                MemberRow row = new MemberRow(ids.get(i), c.org.id(), c.org.name(), c.org.path().value(),
                        c.org.rootId(), f.name(), f.gender(), f.ethnicity(), f.birthDate(), cipher.encrypt(f.idNumber()),
                        cipher.encrypt(f.phone()), f.education(), f.occupation(), f.status(), f.joinedOn(),
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
                delta.add(new cn.zhibu.platform.TreePath(n.row().orgPath()), n.row(), 1);
            }
            rollup.apply(delta);
            log.info("党员导入写入：加密 {} ms，COPY {} ms，汇总 {} ms", (encrypted - started) / 1_000_000,
                    (copied - encrypted) / 1_000_000, (System.nanoTime() - copied) / 1_000_000);
            Map<String, Object> what = new LinkedHashMap<>();
            what.put("file", job.fileName);
            what.put("rows", loaded);
            what.put("onlyValidRows", job.onlyValid);
            what.put("skippedRows", job.errorRows.get());
            what.put("organizations", good.stream().map(c -> c.org.name()).distinct().limit(50).toList());
            audit.record(scope, "党员.批量导入", "member_import", job.id, commonPath(good), null, what);
            return loaded;
        });
    }

    /** The deepest path above every imported row's organization, so the entry is in the scope of who may see it. */
    private static String commonPath(List<Checked> good) {
        String common = good.get(0).org.path().value();
        for (Checked c : good) {
            String p = c.org.path().value();
            while (!p.startsWith(common)) {
                common = common.substring(0, common.lastIndexOf('/', common.length() - 2) + 1);
            }
        }
        return common;
    }

    private static <E> E byLabel(E[] values, java.util.function.Function<E, String> label, String text, String column,
                                 Map<String, String> errors) {
        if (text.isEmpty()) {
            return null; // the form check names it
        }
        for (E e : values) {
            if (label.apply(e).equals(text)) {
                return e;
            }
        }
        errors.put(column, "“" + text + "”不是有效的" + column + "，应为：" + Arrays.stream(values).map(label)
                .collect(Collectors.joining("、")));
        return null;
    }

    private static LocalDate date(String text, String column, Map<String, String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        errors.put(column, "“" + text + "”不是有效日期，请写作 2010-07-01");
        return null;
    }

    /** The organization's name as the text policy sees it: looked up only when it could be a name at all. */
    private static String orgNameProblem(String name) {
        return TextKind.NAME.problem("所在党组织", name);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Scheduled(fixedDelayString = "PT10M")
    void forgetOldJobs() {
        Instant cutoff = Instant.now().minus(KEEP);
        Set<Path> stillUsed = new java.util.HashSet<>();
        jobs.values().removeIf(job -> job.finished() && job.startedAt.isBefore(cutoff));
        jobs.values().forEach(job -> stillUsed.add(job.file));
        try (var files = Files.list(dir)) {
            files.filter(f -> !stillUsed.contains(f)).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // nothing uploaded yet
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    /** A job's mutable state; callers get {@link ImportJob} snapshots. */
    private static final class Running extends BackgroundJob {
        final String fileName;
        final Path file;
        final boolean onlyValid;
        final AtomicLong checked = new AtomicLong();
        final AtomicLong errorRows = new AtomicLong();
        final List<RowError> errors = Collections.synchronizedList(new ArrayList<>());
        volatile long rows;
        volatile long imported;

        Running(String id, long ownerId, String fileName, Path file, boolean onlyValid) {
            super(id, ownerId, ImportJob.CHECKING);
            this.fileName = fileName;
            this.file = file;
            this.onlyValid = onlyValid;
        }

        void errors(int row, Map<String, String> byColumn) {
            errorRows.incrementAndGet();
            byColumn.forEach((column, message) -> errors.add(new RowError(row, column, message)));
        }

        void addError(RowError e, boolean newRow) {
            if (newRow) {
                errorRows.incrementAndGet();
            }
            errors.add(e);
        }

        List<RowError> sortedErrors() {
            synchronized (errors) {
                return errors.stream().sorted(Comparator.comparingInt(RowError::row)).toList();
            }
        }

        @Override
        boolean finished() {
            return ImportJob.DONE.equals(status) || ImportJob.REJECTED.equals(status) || ImportJob.FAILED.equals(status);
        }

        ImportJob snapshot() {
            List<RowError> first = sortedErrors().stream().limit(SHOWN_ERRORS).toList();
            return new ImportJob(id, ownerId, fileName, status, rows, checked.get(), errorRows.get(), imported,
                    onlyValid, startedAt, elapsed(), peakHeapMb(), first, message);
        }
    }
}
