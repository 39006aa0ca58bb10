package cn.zhibu.dues;

import cn.zhibu.dues.internal.ReliefRows;
import cn.zhibu.member.Member;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.TreePath;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * F4 (第七条): a member in hardship pays less or nothing for a period — the branch (those who manage the member)
 * proposes, the next-higher committee (those who manage the branch's parent) approves or rejects with a note, and
 * either side may revoke an approved one. Only an APPROVED relief changes the bills made after it (bills already
 * made keep their amount: void and re-bill a month to apply it).
 */
@Service
@Transactional(readOnly = true)
public class ReliefService {

    public static final int TEXT_LIMIT = 500;
    /** The longest period one decision covers: a hardship is reviewed at least yearly. */
    public static final int MAX_MONTHS = 24;
    static final String ENTITY = "dues_relief";
    private static final String NOT_FOUND = "减免记录不存在或不在您的管理范围内";

    private final ReliefRows rows;
    private final DuesBases bases;
    private final AuditLog audit;

    ReliefService(ReliefRows rows, DuesBases bases, AuditLog audit) {
        this.rows = rows;
        this.bases = bases;
        this.audit = audit;
    }

    @Transactional
    public DuesRelief propose(DataScope scope, long memberId, ReliefProposal p) {
        Member member = bases.managed(scope, memberId);
        FieldErrors errors = new FieldErrors();
        if (p == null) {
            throw InvalidInputException.of("fromMonth", "请填写减免的起止月份");
        }
        if (p.fromMonth() == null) {
            errors.reject("fromMonth", "请填写减免的起始月份");
        }
        if (p.toMonth() == null) {
            errors.reject("toMonth", "请填写减免的截止月份");
        }
        if (p.fromMonth() != null && p.toMonth() != null) {
            if (p.toMonth().isBefore(p.fromMonth())) {
                errors.reject("toMonth", "截止月份不能早于起始月份");
            } else if (p.fromMonth().plusMonths(MAX_MONTHS - 1).isBefore(p.toMonth())) {
                errors.reject("toMonth", "一次减免最长" + MAX_MONTHS + "个月，期满后可重新提出");
            } else if (p.fromMonth().getYear() < 2000 || p.toMonth().isAfter(YearMonth.now().plusYears(2))) {
                errors.reject("fromMonth", "减免月份不合理，请核对");
            }
        }
        if (p.amount() == null) {
            errors.reject("amount", "请填写减免后每月交纳的金额（免交填0）");
        } else {
            try {
                DuesRules.relieved(p.amount());
            } catch (InvalidInputException e) {
                e.fieldErrors().forEach(errors::reject);
            }
        }
        String reason = text(errors, "reason", p.reason(), "请填写减免理由");
        if (p.decidedOn() == null) {
            errors.reject("decidedOn", "请填写支部委员会研究决定的日期");
        } else if (p.decidedOn().isAfter(LocalDate.now()) || p.decidedOn().getYear() < 2000) {
            errors.reject("decidedOn", "决定日期不能晚于今天");
        }
        errors.throwIfAny();
        if (!rows.overlapping(memberId, p.fromMonth(), p.toMonth()).isEmpty()) {
            throw InvalidInputException.of("fromMonth", "该党员在这段时间已有待批准或已批准的减免，请先撤销原减免");
        }
        ReliefProposal clean = new ReliefProposal(p.fromMonth(), p.toMonth(), p.amount().setScale(2), reason,
                p.decidedOn());
        long id = rows.insert(memberId, member.orgId(), member.orgPath(), clean, scope.actorName());
        DuesRelief saved = rows.find(id).orElseThrow();
        audit.record(scope, DuesBaseAuditAction.RELIEF_PROPOSED, ENTITY, id, saved.orgPath(), null,
                snapshot(saved, member.name()));
        return saved;
    }

    /** The higher committee's decision on a proposal: approve or reject, with a note (required to reject). */
    @Transactional
    public DuesRelief decide(DataScope scope, long id, boolean approve, String note) {
        DuesRelief r = rows.findForUpdate(id).filter(x -> sees(scope, x))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (!approves(scope, r)) {
            throw new ForbiddenException("减免须由上级党委批准（第七条）：提出减免的支部不能自己批准");
        }
        if (r.status() != ReliefStatus.PROPOSED) {
            throw InvalidInputException.of("", "该减免已" + r.status().label() + "，不能再审批");
        }
        FieldErrors errors = new FieldErrors();
        String why = note == null || note.isBlank() ? null : text(errors, "note", note, null);
        if (!approve && why == null) {
            errors.reject("note", "不批准时请说明理由");
        }
        errors.throwIfAny();
        ReliefStatus status = approve ? ReliefStatus.APPROVED : ReliefStatus.REJECTED;
        rows.decide(id, status, scope.actorName(), why);
        DuesRelief after = rows.find(id).orElseThrow();
        audit.record(scope, approve ? DuesBaseAuditAction.RELIEF_APPROVED : DuesBaseAuditAction.RELIEF_REJECTED,
                ENTITY, id, r.orgPath(), snapshot(r, null), snapshot(after, null));
        return after;
    }

    /** Withdraws a proposal or ends an approved relief (bills made later are made at the full amount). */
    @Transactional
    public DuesRelief revoke(DataScope scope, long id, String note) {
        DuesRelief r = rows.findForUpdate(id).filter(x -> sees(scope, x))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (r.status() != ReliefStatus.PROPOSED && r.status() != ReliefStatus.APPROVED) {
            throw InvalidInputException.of("", "该减免已" + r.status().label() + "，无需撤销");
        }
        FieldErrors errors = new FieldErrors();
        String why = text(errors, "note", note, "请填写撤销理由");
        errors.throwIfAny();
        rows.revoke(id, scope.actorName(), why);
        DuesRelief after = rows.find(id).orElseThrow();
        audit.record(scope, DuesBaseAuditAction.RELIEF_REVOKED, ENTITY, id, r.orgPath(), snapshot(r, null),
                snapshot(after, null));
        return after;
    }

    public DuesRelief get(DataScope scope, long id) {
        return rows.find(id).filter(x -> sees(scope, x)).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    public List<DuesRelief> ofMember(DataScope scope, long memberId) {
        bases.managed(scope, memberId);
        return rows.ofMember(memberId);
    }

    /** Reliefs within a subtree the caller manages, in one state (null: all), newest first. */
    public List<DuesRelief> within(DataScope scope, TreePath subtree, ReliefStatus status, int limit) {
        return rows.inScope(scope, subtree, status, limit);
    }

    /** The caller may decide it: they manage the branch's parent (the next-higher committee), or administer all. */
    public boolean approves(DataScope scope, DuesRelief r) {
        TreePath path = new TreePath(r.orgPath());
        if (path.depth() <= 1) {
            return scope.all();
        }
        String parent = path.value().substring(0, path.value().length() - 1);
        parent = parent.substring(0, parent.lastIndexOf('/') + 1);
        return scope.managesMembersAt(parent);
    }

    private static boolean sees(DataScope scope, DuesRelief r) {
        return scope.managesMembersAt(r.orgPath());
    }

    private static String text(FieldErrors errors, String field, String value, String missing) {
        if (value == null || value.isBlank()) {
            if (missing != null) {
                errors.reject(field, missing);
            }
            return null;
        }
        String s = value.strip();
        if (s.length() > TEXT_LIMIT) {
            errors.reject(field, "不能超过" + TEXT_LIMIT + "字（现有" + s.length() + "字）");
        }
        return s;
    }

    private static Map<String, Object> snapshot(DuesRelief r, String memberName) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("memberId", r.memberId());
        if (memberName != null) {
            s.put("memberName", memberName);
        }
        s.put("fromMonth", r.fromMonth().toString());
        s.put("toMonth", r.toMonth().toString());
        s.put("amount", r.amount());
        s.put("reason", r.reason());
        s.put("decidedOn", r.decidedOn().toString());
        s.put("status", r.status().name());
        s.put("approvedBy", r.approvedBy());
        s.put("approverNote", r.approverNote());
        return s;
    }
}
