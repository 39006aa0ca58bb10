package cn.zhibu.life;

import cn.zhibu.life.internal.CorrectionRows;
import cn.zhibu.life.internal.MeetingRow;
import cn.zhibu.life.internal.RecordAccess;
import cn.zhibu.life.internal.RecordFileRows;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.FileContent;
import cn.zhibu.platform.FileKind;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.PayloadTooLargeException;
import cn.zhibu.platform.Quote;
import cn.zhibu.platform.Sm3;
import cn.zhibu.platform.UnsupportedContentException;
import cn.zhibu.platform.input.TextKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Files and photos of a meeting's record (签到表, 课件, 会议照片): PDF, JPG, PNG, Word (.docx) and Excel (.xlsx), judged
 * by their content ({@link FileContent}) — a name that says .png on content that is not a PNG is refused —, of at most
 * {@code zhibu.life.record.max-file-bytes} each and {@code max-files} per record. They are added once the record is
 * saved; after it is confirmed a file may still be added, with a reason, as a correction (a file is never removed from
 * a confirmed record). Readers are the record's ({@code RecordAccess}).
 */
@Service
@Transactional(readOnly = true)
public class RecordFiles {

    private static final String NOT_FOUND = "附件不存在或不在您的查看范围内";
    private static final Map<String, FileKind> BY_EXTENSION = Map.of("pdf", FileKind.PDF, "jpg", FileKind.JPEG,
            "jpeg", FileKind.JPEG, "png", FileKind.PNG, "docx", FileKind.DOCX, "xlsx", FileKind.XLSX);
    private static final String ACCEPTED = "PDF、JPG、PNG、Word（.docx）、Excel（.xlsx）";

    private final RecordAccess access;
    private final RecordFileRows files;
    private final CorrectionRows corrections;
    private final RecordSettings settings;
    private final AuditLog audit;

    RecordFiles(RecordAccess access, RecordFileRows files, CorrectionRows corrections, RecordSettings settings,
                AuditLog audit) {
        this.access = access;
        this.files = files;
        this.corrections = corrections;
        this.settings = settings;
        this.audit = audit;
    }

    /** A file's description and content, as read by the caller. */
    public record Content(RecordFile file, byte[] bytes) {
    }

    /**
     * Adds a file to a saved record; to a confirmed one only with {@code reason}, kept as a correction.
     */
    @Transactional
    public RecordFile attach(DataScope scope, long meetingId, String fileName, byte[] content, String reason) {
        MeetingRow m = access.writable(scope, meetingId);
        if (!m.status().held()) {
            throw InvalidInputException.of("file", m.status() == MeetingStatus.CANCELLED ? "会议已取消，不能上传附件"
                    : "请先保存会议记录，再上传附件和照片");
        }
        String why = TextKind.normalize(reason);
        boolean confirmed = m.status() == MeetingStatus.CONFIRMED;
        FieldErrors errors = new FieldErrors();
        if (confirmed && (why == null || why.isEmpty())) {
            errors.reject("reason", "会议记录已确认：补充附件须填写理由，作为更正保留");
        } else if (why != null && TextKind.NOTE.problem("理由", why) != null) {
            errors.reject("reason", TextKind.NOTE.problem("理由", why));
        }
        String name = fileName == null ? "" : TextKind.normalize(fileName.replaceAll("^.*[/\\\\]", ""));
        if (content == null || content.length == 0) {
            errors.reject("file", "请选择要上传的文件");
        } else if (content.length > settings.maxFileBytes()) {
            throw new PayloadTooLargeException("file", "文件不能超过" + megabytes(settings.maxFileBytes()) + "，本文件"
                    + megabytes(content.length));
        }
        FileKind expected = null;
        String nameProblem = name.isEmpty() ? "文件没有名称" : TextKind.SHORT.problem("文件名", name);
        if (nameProblem != null) {
            errors.reject("file", nameProblem);
        } else {
            expected = byExtension(name);
            if (expected == null) {
                errors.reject("file", "只能上传" + ACCEPTED + "文件");
            }
        }
        if (files.count(meetingId) >= settings.maxFiles()) {
            errors.reject("file", "每次会议记录最多保存" + settings.maxFiles() + "个附件");
        }
        errors.throwIfAny();
        // the content decides, not the name: a program renamed .png is not a picture, and is never served as one
        FileKind actual = FileContent.detect(content).orElse(null);
        if (actual != expected) {
            throw new UnsupportedContentException("file", "文件内容与扩展名不符：" + Quote.of(name) + "的内容不是"
                    + expected.label() + (actual == null ? "" : "，而是" + actual.label()) + "，请上传原始文件");
        }
        long id = files.insert(meetingId, name, actual.mediaType(), content, Sm3.digest(content), scope.actorName());
        RecordFile saved = files.find(meetingId, id).orElseThrow();
        if (confirmed) {
            corrections.insert(meetingId, List.of(new RecordCorrection.CorrectedField("files", "附件", null, name)), why,
                    scope.actorName());
        }
        audit.record(scope, RecordAuditAction.FILE_ADDED, RecordService.ENTITY, meetingId, m.orgPath(), null,
                snapshot(m, saved, why));
        return saved;
    }

    public List<RecordFile> list(DataScope scope, long meetingId) {
        access.readable(scope, meetingId);
        return files.of(meetingId);
    }

    public Content read(DataScope scope, long meetingId, long fileId) {
        access.readable(scope, meetingId);
        RecordFile f = files.find(meetingId, fileId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        return new Content(f, files.content(f.id()));
    }

    /** Removes a file from a record not yet confirmed. */
    @Transactional
    public void remove(DataScope scope, long meetingId, long fileId) {
        MeetingRow m = access.writable(scope, meetingId);
        RecordFile f = files.find(meetingId, fileId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (m.status() == MeetingStatus.CONFIRMED) {
            throw InvalidInputException.of("", "会议记录已确认，附件不能删除；如附件有误，请上传正确的附件并说明理由（更正）");
        }
        files.delete(f.id());
        audit.record(scope, RecordAuditAction.FILE_REMOVED, RecordService.ENTITY, meetingId, m.orgPath(),
                snapshot(m, f, null), null);
    }

    private static FileKind byExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String megabytes(long bytes) {
        return bytes % 1048576 == 0 ? bytes / 1048576 + " MB" : String.format("%.1f MB", bytes / 1048576.0);
    }

    private static Map<String, Object> snapshot(MeetingRow m, RecordFile f, String reason) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", m.title());
        s.put("file", f.name());
        s.put("sizeBytes", f.sizeBytes());
        s.put("sm3", f.sm3());
        if (reason != null) {
            s.put("reason", reason);
        }
        return s;
    }
}
