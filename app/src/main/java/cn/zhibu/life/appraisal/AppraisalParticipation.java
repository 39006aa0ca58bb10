package cn.zhibu.life.appraisal;

import cn.zhibu.life.appraisal.internal.AppraisalRecords;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.input.TextKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What members write in the first two stages of P1: their own 个人自评, and in the 党员互评 what they say of the others
 * (signed, and each may rewrite theirs while the stage is open). Those who manage the branch read all of it; a member
 * reads their own 自评 and the 互评 written by or about them.
 */
@Service
@Transactional(readOnly = true)
public class AppraisalParticipation {

    public static final int SELF_ASSESSMENT_LIMIT = TextKind.LONG.max();

    private final AppraisalRecords records;
    private final AppraisalAccess access;
    private final AuditLog audit;

    AppraisalParticipation(AppraisalRecords records, AppraisalAccess access, AuditLog audit) {
        this.records = records;
        this.access = access;
        this.audit = audit;
    }

    /** Writes (or rewrites) the caller's 个人自评 while that stage is open. */
    @Transactional
    public SelfAssessment writeSelfAssessment(DataScope scope, long id, String text) {
        Appraisal a = access.lock(scope, id);
        long self = access.participant(scope, a, "个人自评由参加评议的党员本人填写");
        AppraisalAccess.requireOpen(a, AppraisalStage.SELF_ASSESSMENT, "text");
        String body = text(text, TextKind.LONG, "请填写个人自评", "个人自评");
        Optional<SelfAssessment> before = records.selfAssessments(id, self).stream().findFirst();
        records.writeSelfAssessment(id, self, body);
        SelfAssessment after = records.selfAssessments(id, self).get(0);
        audit.record(scope, AppraisalAuditAction.SELF_ASSESSED, AppraisalService.ENTITY, id, a.orgPath(),
                before.map(AppraisalParticipation::snapshot).orElse(null), snapshot(after));
        return after;
    }

    /** The caller's own 个人自评, if written. */
    public Optional<SelfAssessment> ownSelfAssessment(DataScope scope, long id) {
        Appraisal a = access.read(scope, id);
        if (!access.takesPart(scope, a)) {
            return Optional.empty();
        }
        return records.selfAssessments(id, scope.selfMemberId()).stream().findFirst();
    }

    /** The 个人自评 the caller may read: all of them for those who manage the branch, else their own. */
    public List<SelfAssessment> selfAssessments(DataScope scope, long id) {
        Appraisal a = access.read(scope, id);
        if (access.manages(scope, a)) {
            return records.selfAssessments(id, null);
        }
        return records.selfAssessments(id, scope.selfMemberId());
    }

    /** Writes (or rewrites) what the caller says of another participant while the 党员互评 is open. */
    @Transactional
    public PeerReview review(DataScope scope, long id, long subjectId, String text) {
        Appraisal a = access.lock(scope, id);
        long self = access.participant(scope, a, "党员互评由参加评议的党员填写");
        AppraisalAccess.requireOpen(a, AppraisalStage.PEER_REVIEW, "text");
        FieldErrors errors = new FieldErrors();
        if (subjectId == self) {
            errors.reject("subjectId", "党员互评是对其他党员的评价，个人情况请写在个人自评中");
        } else if (!records.takesPart(id, subjectId)) {
            errors.reject("subjectId", "被评价的党员不在本次评议的参评名单中");
        }
        errors.throwIfAny();
        String body = text(text, TextKind.NOTE, "请填写互评意见", "互评意见");
        Optional<PeerReview> before = find(id, self, subjectId);
        records.writeReview(id, self, subjectId, body);
        PeerReview after = find(id, self, subjectId).orElseThrow();
        audit.record(scope, AppraisalAuditAction.REVIEWED, AppraisalService.ENTITY, id, a.orgPath(),
                before.map(AppraisalParticipation::snapshot).orElse(null), snapshot(after));
        return after;
    }

    /** The 党员互评 the caller may read: all for those who manage the branch, else those by or about the caller. */
    public List<PeerReview> reviews(DataScope scope, long id) {
        Appraisal a = access.read(scope, id);
        if (access.manages(scope, a)) {
            return records.reviews(id, null);
        }
        return records.reviews(id, scope.selfMemberId());
    }

    /** The participants the caller may write a 互评 of: all but themselves (names only). */
    public List<Participant> reviewSubjects(DataScope scope, long id) {
        Appraisal a = access.read(scope, id);
        if (!access.takesPart(scope, a)) {
            return List.of();
        }
        return records.participants(id).stream().filter(p -> p.memberId() != scope.selfMemberId())
                .map(Participant::nameOnly).toList();
    }

    private Optional<PeerReview> find(long id, long author, long subject) {
        return records.reviews(id, author).stream()
                .filter(r -> r.authorId() == author && r.subjectId() == subject).findFirst();
    }

    /** The text as it will be stored (the input policy's kind), or the refusal naming the field. */
    private static String text(String value, TextKind kind, String missing, String label) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of("text", missing);
        }
        String problem = kind.problem(label, value);
        if (problem != null) {
            throw InvalidInputException.of("text", problem);
        }
        return TextKind.normalize(value);
    }

    private static Map<String, Object> snapshot(SelfAssessment s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("memberId", s.memberId());
        m.put("memberName", s.name());
        m.put("selfAssessment", s.text());
        return m;
    }

    private static Map<String, Object> snapshot(PeerReview r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("memberId", r.authorId());
        m.put("memberName", r.authorName());
        m.put("subjectId", r.subjectId());
        m.put("subjectName", r.subjectName());
        m.put("review", r.text());
        return m;
    }
}
