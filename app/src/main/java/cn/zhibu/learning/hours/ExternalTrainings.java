package cn.zhibu.learning.hours;

import cn.zhibu.learning.StudyCredit;
import cn.zhibu.learning.StudyHours;
import cn.zhibu.learning.StudySource;
import cn.zhibu.learning.hours.internal.HoursReads;
import cn.zhibu.member.Member;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trainings outside the platform (EXTERNAL 学时, RULES.md §7): a secretary (or 组织管理员) of the member's subtree
 * records one from its certificate; it is credited on the day of the training and audited. A member cannot record
 * their own.
 */
@Service
public class ExternalTrainings {

    static final BigDecimal MAX_HOURS = new BigDecimal("200");

    private final MemberHours members;
    private final HoursReads reads;
    private final StudyHours hours;
    private final AuditLog audit;
    private final Clock clock;

    ExternalTrainings(MemberHours members, HoursReads reads, StudyHours hours, AuditLog audit, Clock clock) {
        this.members = members;
        this.reads = reads;
        this.hours = hours;
        this.audit = audit;
        this.clock = clock;
    }

    /** The member a training may be recorded for: managed by the caller; 404 otherwise (their own record too). */
    public Member recordable(DataScope scope, Long memberId) {
        if (memberId == null) {
            throw cn.zhibu.platform.InvalidInputException.of("memberId", "请选择党员");
        }
        Member m = members.member(scope, memberId);
        if (!scope.managesMembersAt(m.orgPath())) {
            throw new NotFoundException(MemberHours.NOT_FOUND);
        }
        return m;
    }

    @Transactional
    public CreditLine record(DataScope scope, ExternalTrainingForm form) {
        Member m = recordable(scope, form.memberId());
        FieldErrors errors = new FieldErrors();
        if (form.title() == null || form.title().isBlank()) {
            errors.reject("title", "请填写培训名称");
        }
        LocalDate today = LocalDate.now(clock);
        if (form.trainedOn() == null) {
            errors.reject("trainedOn", "请填写培训日期");
        } else if (form.trainedOn().isAfter(today)) {
            errors.reject("trainedOn", "培训日期不能晚于今天");
        }
        if (form.hours() == null) {
            errors.reject("hours", "请填写学时");
        } else if (form.hours().signum() <= 0 || form.hours().compareTo(MAX_HOURS) > 0) {
            errors.reject("hours", "学时应大于0且不超过" + MAX_HOURS);
        } else if (form.hours().stripTrailingZeros().scale() > 1) {
            errors.reject("hours", "学时最多保留一位小数");
        }
        if (form.place() == null || form.place().isBlank()) {
            errors.reject("place", "请填写培训地点或举办单位");
        }
        errors.throwIfAny();
        boolean concentrated = Boolean.TRUE.equals(form.concentrated());
        String certificate = blankToNull(form.certificateNo());
        String note = blankToNull(form.note());
        String title = form.title().strip();
        long id = reads.insertExternal(m.id(), m.orgId(), title, form.trainedOn(), form.hours(),
                form.place().strip(), concentrated, certificate, note, scope.actorName());
        hours.credit(new StudyCredit(m.id(), StudySource.EXTERNAL, id, title, form.hours(), form.trainedOn(),
                concentrated));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("memberId", m.id());
        s.put("memberName", m.name());
        s.put("title", title);
        s.put("trainedOn", form.trainedOn().toString());
        s.put("hours", form.hours().toPlainString());
        s.put("place", form.place().strip());
        s.put("concentrated", concentrated);
        s.put("certificateNo", certificate);
        s.put("note", note);
        s.values().removeIf(java.util.Objects::isNull);
        audit.record(scope, HoursAuditAction.EXTERNAL_RECORDED, HoursAuditVocabulary.EXTERNAL, id, m.orgPath(), null, s);
        return new CreditLine(StudySource.EXTERNAL, StudySource.EXTERNAL.label(), id, title, form.trainedOn(),
                form.hours(), concentrated);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
