package cn.zhibu.dues.internal;

import cn.zhibu.dues.BaseEntry;
import cn.zhibu.dues.BaseImportJob;
import cn.zhibu.dues.BaseImportJob.BaseRowError;
import cn.zhibu.dues.BaseImports;
import cn.zhibu.dues.DuesBaseAuditAction;
import cn.zhibu.dues.DuesBases;
import cn.zhibu.dues.DuesCategory;
import cn.zhibu.member.IdCardNumber;
import cn.zhibu.member.RegistryIdNumbers;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.JobHandler;
import cn.zhibu.platform.JobRun;
import cn.zhibu.platform.input.TextKind;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one upload of bases: reads the template's rows, checks each as the form would ({@link DuesBases#computeInto}),
 * finds the members by 身份证号 within the submitter's scope ({@link RegistryIdNumbers}: a number elsewhere reads
 * "not found in your organizations", as one never registered), then appends the good rows in one statement and one
 * transaction with one audit entry — or nothing, when a row is bad and the good rows were not asked for.
 */
@Component
public class BaseImportRun implements JobHandler<BaseImportRun.Detail> {

    static final int REPORT_LIMIT = 1000;
    private static final String NOT_IN_SCOPE = "在您管理的党组织中未找到该身份证号的党员";

    /** What an upload job keeps: the name, the choice, and what the check found (the first problems). */
    public record Detail(String fileName, boolean onlyValidRows, long errorRows, long imported, List<BaseRowError> errors) {

        public static Detail queued(String fileName, boolean onlyValidRows) {
            return new Detail(fileName, onlyValidRows, 0, 0, List.of());
        }
    }

    private final DuesBases bases;
    private final RegistryIdNumbers idNumbers;
    private final BaseRows rows;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    BaseImportRun(DuesBases bases, RegistryIdNumbers idNumbers, BaseRows rows, AuditLog audit, JdbcClient jdbc,
                  PlatformTransactionManager transactions) {
        this.bases = bases;
        this.idNumbers = idNumbers;
        this.rows = rows;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public String kind() {
        return "dues-base-import";
    }

    @Override
    public Class<Detail> detailType() {
        return Detail.class;
    }

    private record Checked(int row, String idNumber, BaseEntry entry, DuesBases.Computed computed,
                           Map<String, String> errors) {
    }

    @Override
    public JobRun.Outcome<Detail> run(JobRun<Detail> run) throws IOException {
        Detail detail = run.detail();
        List<String[]> raw = read(run.localCopy(BaseImports.FILE));
        if (raw.isEmpty()) {
            return new JobRun.Outcome<>(BaseImportJob.REJECTED, "文件中没有数据（第2行起每行一名党员）", detail);
        }
        if (raw.size() > BaseImports.MAX_ROWS) {
            return new JobRun.Outcome<>(BaseImportJob.REJECTED, "一次最多导入" + BaseImports.MAX_ROWS + "行，请拆分文件", detail);
        }
        run.progress(0, raw.size());
        List<Checked> checked = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            checked.add(check(i + 2, raw.get(i), firstRow));
            run.progress(i + 1);
        }
        List<String> lookups = checked.stream().filter(c -> c.errors().isEmpty()).map(Checked::idNumber).toList();
        Map<String, Long> members = idNumbers.inScope(run.scope(), lookups);
        for (Checked c : checked) {
            if (c.errors().isEmpty() && !members.containsKey(c.idNumber())) {
                c.errors().put("身份证号", NOT_IN_SCOPE);
            }
        }
        List<BaseRowError> listed = new ArrayList<>();
        long errorRows = 0;
        for (Checked c : checked) {
            if (!c.errors().isEmpty()) {
                errorRows++;
                c.errors().forEach((column, why) -> {
                    if (listed.size() < REPORT_LIMIT) {
                        listed.add(new BaseRowError(c.row(), column, why));
                    }
                });
            }
        }
        List<Checked> good = checked.stream().filter(c -> c.errors().isEmpty()).toList();
        detail = new Detail(detail.fileName(), detail.onlyValidRows(), errorRows, 0, listed);
        if (errorRows > 0 && !detail.onlyValidRows()) {
            return new JobRun.Outcome<>(BaseImportJob.REJECTED, "有" + errorRows + "行存在错误，未导入任何数据。"
                    + "请按错误说明修改后重新上传，或选择只导入正确的" + good.size() + "行", detail);
        }
        if (good.isEmpty()) {
            return new JobRun.Outcome<>(BaseImportJob.REJECTED, "没有可导入的正确行", detail);
        }
        run.save(detail);
        run.state(BaseImportJob.IMPORTING);
        Detail done = detail;
        int imported = transaction.execute(s -> load(run, good, members, done.fileName()));
        return new JobRun.Outcome<>(BaseImportJob.DONE, null,
                new Detail(detail.fileName(), detail.onlyValidRows(), errorRows, imported, listed));
    }

    private int load(JobRun<Detail> run, List<Checked> good, Map<String, Long> members, String fileName) {
        Map<Long, Long> ids = new HashMap<>();
        good.forEach(c -> ids.put(members.get(c.idNumber()), 0L));
        Map<Long, String[]> where = new HashMap<>();
        jdbc.sql("select member_id, org_id, org_path from registry_member where member_id in (:ids)")
                .param("ids", ids.keySet())
                .query((rs, i) -> where.put(rs.getLong(1), new String[]{Long.toString(rs.getLong(2)), rs.getString(3)}))
                .list();
        List<BaseRows.NewBase> newRows = new ArrayList<>();
        String commonPath = null;
        for (Checked c : good) {
            long memberId = members.get(c.idNumber());
            String[] at = where.get(memberId);
            if (at == null) {
                continue; // left the registry while the file was checked
            }
            newRows.add(new BaseRows.NewBase(memberId, Long.parseLong(at[0]), c.entry(), c.computed().base(),
                    c.computed().rule().amount(), c.computed().amount(), "IMPORT", run.scope().actorName()));
            commonPath = commonPath == null ? at[1] : common(commonPath, at[1]);
        }
        int n = rows.insertAll(newRows);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("fileName", fileName);
        after.put("rows", n);
        audit.record(run.scope(), DuesBaseAuditAction.BASES_IMPORTED, "dues_base", run.id(), commonPath, null, after);
        return n;
    }

    /** The deepest path both lie under (the import's entry is visible to whoever manages all its rows). */
    private static String common(String a, String b) {
        int i = 0;
        int lastSlash = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            if (a.charAt(i) == '/') {
                lastSlash = i;
            }
            i++;
        }
        return a.substring(0, lastSlash + 1);
    }

    private Checked check(int row, String[] cells, Map<String, Integer> firstRow) {
        Map<String, String> errors = new LinkedHashMap<>();
        String id = IdCardNumber.normalize(cells[0]);
        if (id == null || id.isEmpty()) {
            errors.put("身份证号", "请填写身份证号");
        } else if (IdCardNumber.problem(id) != null) {
            errors.put("身份证号", IdCardNumber.problem(id));
        } else {
            Integer first = firstRow.putIfAbsent(id, row);
            if (first != null) {
                errors.put("身份证号", "与第" + first + "行的身份证号重复");
            }
        }
        FieldErrors fields = new FieldErrors();
        DuesCategory category = category(cells[2], fields);
        YearMonth month = null;
        if (!cells[3].isEmpty()) {
            try {
                month = YearMonth.parse(cells[3].length() > 7 ? cells[3].substring(0, 7) : cells[3]);
            } catch (RuntimeException e) {
                fields.reject("effectiveMonth", "月份格式应为 2027-01");
            }
        }
        BaseEntry entry = new BaseEntry(category, month, money(cells[4], "countedPay", fields),
                money(cells[5], "incomeTax", fields), money(cells[6], "socialInsurance", fields),
                money(cells[7], "annuity", fields), money(cells[8], "base", fields), money(cells[9], "chosen", fields),
                cells[10].isEmpty() ? null : cells[10]);
        DuesBases.Computed computed = null;
        if (fields.isEmpty() && category != null) {
            computed = bases.computeInto(entry, fields);
        }
        try {
            fields.throwIfAny();
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, why) -> errors.merge(column(field), why, (a, b) -> a + "；" + b));
        }
        return new Checked(row, id, entry, computed, errors);
    }

    private static String column(String field) {
        return FIELD_COLUMN.getOrDefault(field, "党员类别");
    }

    private static final Map<String, String> FIELD_COLUMN = Map.of("category", "党员类别", "effectiveMonth", "起始月份",
            "countedPay", "计入基数的工资收入", "incomeTax", "实际代扣个人所得税", "socialInsurance", "个人缴纳五险一金",
            "annuity", "个人缴纳年金", "base", "月基数", "chosen", "自愿每月交纳", "note", "备注");

    private static DuesCategory category(String text, FieldErrors errors) {
        if (text.isEmpty()) {
            errors.reject("category", "请填写党员类别");
            return null;
        }
        for (DuesCategory c : DuesCategory.values()) {
            if (c != DuesCategory.HARDSHIP && (c.label().equals(text) || c.name().equalsIgnoreCase(text))) {
                return c;
            }
        }
        errors.reject("category", "党员类别“" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "”不正确，应为模板说明中的一种");
        return null;
    }

    private static BigDecimal money(String text, String field, FieldErrors errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            errors.reject(field, "应为金额（元，最多两位小数）");
            return null;
        }
    }

    /** The rows of the first sheet as text, after checking the header is the template's. */
    private static List<String[]> read(Path file) throws IOException {
        List<String> columns = cn.zhibu.dues.BaseTemplate.COLUMNS;
        List<String[]> out = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile()); var stream = wb.getFirstSheet().openStream()) {
            var it = stream.iterator();
            if (!it.hasNext()) {
                return out;
            }
            var header = it.next();
            for (int c = 0; c < columns.size(); c++) {
                String h = c < header.getCellCount() ? header.getCellAsString(c).orElse("").trim() : "";
                if (!h.equals(columns.get(c))) {
                    throw InvalidInputException.of("file", "这不是党费基数导入模板：第1行第" + (c + 1) + "列应为“"
                            + columns.get(c) + "”，请下载模板后按模板填写");
                }
            }
            while (it.hasNext() && out.size() <= BaseImports.MAX_ROWS) {
                var row = it.next();
                String[] cells = new String[columns.size()];
                boolean any = false;
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = c < row.getCellCount() ? text(row.getCell(c), c) : "";
                    any |= !cells[c].isEmpty();
                }
                if (any && !cells[0].startsWith("示例：")) {
                    out.add(cells);
                }
            }
        } catch (ExcelReaderException | IllegalStateException e) {
            throw InvalidInputException.of("file", "无法读取该文件的表格内容，请用 Excel 或 WPS 打开后另存为 .xlsx 再上传");
        }
        return out;
    }

    private static String text(Cell cell, int column) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            if (column == 0) {
                return "#NUMBER"; // Excel kept only 15 digits: the number is lost
            }
            if (column == 3) {
                return cell.asDate().toLocalDate().toString();
            }
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        return cell.getText() == null ? "" : TextKind.normalize(cell.getText());
    }
}
