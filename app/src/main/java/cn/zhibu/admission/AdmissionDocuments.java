package cn.zhibu.admission;

import cn.zhibu.admission.internal.CaseDocuments;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.FileContent;
import cn.zhibu.platform.FileKind;
import cn.zhibu.platform.PayloadTooLargeException;
import cn.zhibu.platform.Quote;
import cn.zhibu.platform.UnsupportedContentException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Sm3;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files kept with a case (D1's materials: the application, 思想汇报, 政审 reports, the 志愿书 …), each optionally for one
 * step. Every read and write goes through the case, so the case's scope guards its files.
 */
@Service
public class AdmissionDocuments {

    private static final String NOT_FOUND = "材料不存在或不在您的管理范围内";

    private final AdmissionService admission;
    private final CaseDocuments documents;
    private final AuditLog audit;

    AdmissionDocuments(AdmissionService admission, CaseDocuments documents, AuditLog audit) {
        this.admission = admission;
        this.documents = documents;
        this.audit = audit;
    }

    /** A file's metadata and content, as read by the caller. */
    public record Content(CaseDocument document, byte[] bytes) {
    }

    @Transactional
    public CaseDocument attach(DataScope scope, long caseId, Long stepId, String fileName, byte[] content) {
        AdmissionCase c = admission.get(scope, caseId);
        FieldErrors errors = new FieldErrors();
        String name = fileName == null ? "" : fileName.replaceAll("^.*[/\\\\]", "").strip();
        if (content == null || content.length == 0) {
            errors.reject("file", "请选择要上传的文件");
        } else if (content.length > DocumentTypes.MAX_BYTES) {
            throw new PayloadTooLargeException("file", "文件不能超过10 MB，本文件" + content.length / 1048576 + " MB");
        }
        FileKind expected = null;
        if (name.isEmpty() || name.length() > 200) {
            errors.reject("file", "文件名应为1至200个字符");
        } else {
            expected = DocumentTypes.byExtension(name).orElse(null);
            if (expected == null) {
                errors.reject("file", "只能上传" + DocumentTypes.accepted() + "文件");
            }
        }
        if (stepId != null && c.steps().stream().noneMatch(s -> s.id() == stepId)) {
            errors.reject("stepId", "所选步骤不属于该发展记录");
        }
        errors.throwIfAny();
        // the content decides, not the name: a page saved as .pdf is not a PDF, and is never served as one
        FileKind actual = FileContent.detect(content).orElse(null);
        if (actual != expected) {
            throw new UnsupportedContentException("file", "文件内容与扩展名不符：" + Quote.of(name) + "的内容不是 " + expected.label()
                    + (actual == null ? "" : "，而是 " + actual.label()) + "，请上传原始文件");
        }
        String type = actual.mediaType();
        long id = documents.insert(caseId, stepId, name, type, content, Sm3.digest(content), scope.actorName());
        CaseDocument saved = documents.find(caseId, id).orElseThrow();
        audit.record(scope, AdmissionAuditAction.DOCUMENT_ADDED, AdmissionService.ENTITY, caseId, c.orgPath(), null, snapshot(c, saved));
        return saved;
    }

    public List<CaseDocument> list(DataScope scope, long caseId) {
        admission.get(scope, caseId);
        return documents.of(caseId);
    }

    public Content read(DataScope scope, long caseId, long documentId) {
        admission.get(scope, caseId);
        CaseDocument d = documents.find(caseId, documentId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        return new Content(d, documents.content(d.id()));
    }

    @Transactional
    public void remove(DataScope scope, long caseId, long documentId) {
        AdmissionCase c = admission.get(scope, caseId);
        CaseDocument d = documents.find(caseId, documentId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        documents.delete(d.id());
        audit.record(scope, AdmissionAuditAction.DOCUMENT_REMOVED, AdmissionService.ENTITY, caseId, c.orgPath(), snapshot(c, d), null);
    }

    private static Map<String, Object> snapshot(AdmissionCase c, CaseDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("document", d.name());
        m.put("sizeBytes", d.sizeBytes());
        m.put("sm3", d.sm3());
        if (d.stepId() != null) {
            m.put("stepId", d.stepId());
        }
        return m;
    }
}
