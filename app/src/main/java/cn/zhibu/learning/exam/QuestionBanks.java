package cn.zhibu.learning.exam;

import cn.zhibu.learning.exam.internal.BankRecords;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.BackgroundJobs;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Paging;
import cn.zhibu.platform.XlsxGuard;
import cn.zhibu.platform.input.TextKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Question banks of an organization, managed by the managers of its subtree (a bank out of the caller's scope is
 * 404): questions added one by one or imported from the template (every row checked as the form checks it; any bad
 * row imports nothing, with a per-row report, unless the caller asks for the good rows only — as the roster import),
 * exported with the same columns.
 */
@Service
@Transactional(readOnly = true)
public class QuestionBanks {

    public static final int MAX_IMPORT_ROWS = 5_000;
    static final long MAX_FILE_BYTES = 10L << 20;
    static final XlsxGuard.Limits LIMITS = new XlsxGuard.Limits(200, 50L << 20, 100L << 20, 100,
            MAX_IMPORT_ROWS + 100, MAX_IMPORT_ROWS * BankSheet.COLUMNS.size(), 2_000);
    private static final String NOT_FOUND = "题库不存在或不在您的管理范围内";
    private static final String QUESTION_NOT_FOUND = "试题不存在或不在您的管理范围内";

    private final BankRecords records;
    private final OrganizationService organizations;
    private final BackgroundJobs uploads;
    private final AuditLog audit;

    QuestionBanks(BankRecords records, OrganizationService organizations, BackgroundJobs uploads, AuditLog audit) {
        this.records = records;
        this.organizations = organizations;
        this.uploads = uploads;
        this.audit = audit;
    }

    @Transactional
    public QuestionBank create(DataScope scope, Long orgId, String name, String description) {
        requireManager(scope);
        if (orgId == null || orgId <= 0) {
            throw InvalidInputException.of("orgId", "请选择题库所属的党组织");
        }
        Organization org = organizations.lockManaged(scope, orgId);
        FieldErrors errors = new FieldErrors();
        String n = text(errors, "name", "题库名称", name, TextKind.NAME, true);
        String d = text(errors, "description", "说明", description, TextKind.NOTE, false);
        errors.throwIfAny();
        long id = records.insertBank(org.id(), org.path(), org.rootId(), n, d, scope.actorName());
        audit.record(scope, ExamAuditAction.BANK_CREATED, "question_bank", id, org.path().value(), null,
                Map.of("name", n, "description", d == null ? "" : d));
        return records.bank(id).orElseThrow();
    }

    @Transactional
    public QuestionBank rename(DataScope scope, long id, String name, String description) {
        QuestionBank before = get(scope, id);
        FieldErrors errors = new FieldErrors();
        String n = text(errors, "name", "题库名称", name, TextKind.NAME, true);
        String d = text(errors, "description", "说明", description, TextKind.NOTE, false);
        errors.throwIfAny();
        records.updateBank(id, n, d);
        audit.record(scope, ExamAuditAction.BANK_RENAMED, "question_bank", id, before.orgPath(),
                Map.of("name", before.name(), "description", before.description() == null ? "" : before.description()),
                Map.of("name", n, "description", d == null ? "" : d));
        return records.bank(id).orElseThrow();
    }

    public List<QuestionBank> list(DataScope scope, int page, int size) {
        Paging paging = Paging.of(page, size);
        return records.banks(scope, paging.size(), paging.offset());
    }

    public long count(DataScope scope) {
        return records.countBanks(scope);
    }

    /** The bank, or 404 when it does not exist or is out of the caller's managed scope. */
    public QuestionBank get(DataScope scope, long id) {
        return records.bank(id).filter(b -> scope.managesMembersAt(b.orgPath()))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    public List<Question> questions(DataScope scope, long bankId, int page, int size) {
        get(scope, bankId);
        Paging paging = Paging.of(page, size);
        return records.questionsOf(bankId, paging.size(), paging.offset());
    }

    /** The bank's active questions on a topic and of a kind (null: any). */
    public List<Question> questions(DataScope scope, long bankId, String topic, QuestionKind kind, int page, int size) {
        get(scope, bankId);
        Paging paging = Paging.of(page, size);
        return records.questionsOf(bankId, blankToNull(topic), kind, paging.size(), paging.offset());
    }

    public long countQuestions(DataScope scope, long bankId, String topic, QuestionKind kind) {
        get(scope, bankId);
        return records.countQuestions(bankId, blankToNull(topic), kind);
    }

    /** An active question of the bank, or 404. */
    public Question question(DataScope scope, long bankId, long questionId) {
        get(scope, bankId);
        return records.question(questionId).filter(x -> x.bankId() == bankId && x.active())
                .orElseThrow(() -> new NotFoundException(QUESTION_NOT_FOUND));
    }

    /**
     * Changes a question: the old one is retired and the changed one added, so the attempts that drew the old one
     * keep showing what was asked then.
     */
    @Transactional
    public Question edit(DataScope scope, long bankId, long questionId, QuestionDraft draft) {
        QuestionBank bank = get(scope, bankId);
        Question before = question(scope, bankId, questionId);
        QuestionCheck.Checked q = QuestionCheck.check(draft);
        records.retire(before.id());
        long id = records.insertQuestion(bankId, q);
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("bankId", bankId);
        old.put("kind", before.kind().label());
        old.put("topic", before.topic());
        old.put("stem", before.stem());
        old.put("score", before.score());
        audit.record(scope, ExamAuditAction.QUESTION_EDITED, "question", id, bank.orgPath(), old, snapshot(bankId, q));
        return records.question(id).orElseThrow();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public List<BankRecords.TopicCount> topics(DataScope scope, long bankId) {
        get(scope, bankId);
        return records.topics(bankId);
    }

    @Transactional
    public Question add(DataScope scope, long bankId, QuestionDraft draft) {
        QuestionBank bank = get(scope, bankId);
        QuestionCheck.Checked q = QuestionCheck.check(draft);
        long id = records.insertQuestion(bankId, q);
        audit.record(scope, ExamAuditAction.QUESTION_ADDED, "question", id, bank.orgPath(), null, snapshot(bankId, q));
        return records.question(id).orElseThrow();
    }

    /** Removes a question from the bank (attempts that drew it keep it). */
    @Transactional
    public void retire(DataScope scope, long bankId, long questionId) {
        QuestionBank bank = get(scope, bankId);
        Question q = records.question(questionId).filter(x -> x.bankId() == bankId && x.active())
                .orElseThrow(() -> new NotFoundException(QUESTION_NOT_FOUND));
        records.retire(q.id());
        audit.record(scope, ExamAuditAction.QUESTION_RETIRED, "question", q.id(), bank.orgPath(),
                Map.of("bankId", bankId, "kind", q.kind().label(), "topic", q.topic(), "stem", q.stem()), null);
    }

    /**
     * Imports the questions of an uploaded template. Every row is checked; when one is bad nothing is imported
     * unless {@code onlyValidRows}, and the report names each problem by row and column.
     */
    @Transactional
    public BankImportReport importSheet(DataScope scope, long bankId, InputStream upload, boolean onlyValidRows) {
        QuestionBank bank = get(scope, bankId);
        List<BankSheet.Row> rows;
        try (BackgroundJobs.Received file = uploads.receive(upload, MAX_FILE_BYTES, "file",
                "文件不能超过" + (MAX_FILE_BYTES >> 20) + " MB，请拆分后分批导入")) {
            XlsxGuard.check(file.path(), "file", LIMITS);
            rows = BankSheet.read(file.path(), MAX_IMPORT_ROWS);
        } catch (IOException e) {
            throw InvalidInputException.of("file", "上传的文件无法读取，请重试");
        }
        if (rows.isEmpty()) {
            throw InvalidInputException.of("file", "文件中没有试题（示例行不导入）");
        }
        List<BankImportReport.QuestionRowError> errors = new ArrayList<>();
        List<QuestionCheck.Checked> good = new ArrayList<>();
        for (BankSheet.Row row : rows) {
            QuestionDraft draft = row.draft();
            if (draft.kind() == null && !row.cells()[0].isEmpty()) {
                String t = row.cells()[0];
                errors.add(new BankImportReport.QuestionRowError(row.number(), "题型", "题型“" + (t.length() > 20
                        ? t.substring(0, 20) + "…" : t) + "”不正确，应为单选题、多选题、判断题或填空题"));
                continue;
            }
            try {
                good.add(QuestionCheck.check(draft));
            } catch (InvalidInputException e) {
                e.fieldErrors().forEach((field, why) -> errors.add(new BankImportReport.QuestionRowError(row.number(),
                        BankSheet.FIELD_COLUMNS.getOrDefault(field, field), why)));
            }
        }
        if (!errors.isEmpty() && !onlyValidRows) {
            return new BankImportReport(rows.size(), 0, false, errors);
        }
        for (QuestionCheck.Checked q : good) {
            records.insertQuestion(bankId, q);
        }
        audit.record(scope, ExamAuditAction.QUESTIONS_IMPORTED, "question_bank", bankId, bank.orgPath(), null,
                Map.of("name", bank.name(), "imported", good.size()));
        return new BankImportReport(rows.size(), good.size(), onlyValidRows, errors);
    }

    public byte[] export(DataScope scope, long bankId) {
        get(scope, bankId);
        return BankSheet.export(records.questionsOf(bankId, MAX_IMPORT_ROWS * 4, 0));
    }

    private static void requireManager(DataScope scope) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("只有党组织书记和组织管理员可以管理题库");
        }
    }

    private static Map<String, Object> snapshot(long bankId, QuestionCheck.Checked q) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("bankId", bankId);
        s.put("kind", q.kind().label());
        s.put("topic", q.topic());
        s.put("stem", q.stem());
        s.put("score", q.score());
        return s;
    }

    static String text(FieldErrors errors, String field, String label, String value, TextKind kind, boolean required) {
        String v = TextKind.normalize(value);
        if (v == null || v.isEmpty()) {
            if (required) {
                errors.reject(field, "请填写" + label);
            }
            return null;
        }
        String problem = kind.problem(label, v);
        if (problem != null) {
            errors.reject(field, problem);
            return null;
        }
        return v;
    }
}
