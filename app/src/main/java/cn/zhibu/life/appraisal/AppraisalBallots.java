package cn.zhibu.life.appraisal;

import cn.zhibu.life.appraisal.internal.AppraisalRecords;
import cn.zhibu.life.appraisal.internal.BallotBox;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The 民主测评 (P1's third stage), anonymous for real: each participant — 正式 or 预备 — casts one ballot that grades
 * every 正式党员 (P2: 预备党员 are not graded), and no record links a member to their ballot.
 * <p>
 * How: the fact that a member voted and what was voted are written to two tables that share nothing but the
 * appraisal ({@link BallotBox} says what each holds and what even its rows' system columns can and cannot tell). The
 * audit entry names the voter (the turnout is no secret) and records only that they voted, never a grade; totals are
 * shown once the ballot has closed, so that no one can read one ballot off the change in the totals; the answer and
 * the page after a ballot repeat nothing of it (the session would keep a flash message under the voter's name). After
 * casting it, not even its voter can see or change their ballot: nothing remembers it was theirs.
 */
@Service
@Transactional(readOnly = true)
public class AppraisalBallots {

    private final AppraisalRecords records;
    private final BallotBox box;
    private final AppraisalAccess access;
    private final AuditLog audit;

    AppraisalBallots(AppraisalRecords records, BallotBox box, AppraisalAccess access, AuditLog audit) {
        this.records = records;
        this.box = box;
        this.access = access;
        this.audit = audit;
    }

    /**
     * Casts the caller's ballot: a grade for each 正式党员 taking part, no one else. Refused when the 民主测评 is not
     * open (P1) or the caller has voted already — also when two ballots of theirs arrive at once: the appraisal's row
     * lock queues them and the second finds the first.
     */
    @Transactional
    public void cast(DataScope scope, long id, Map<Long, Grade> ballot) {
        Appraisal a = access.lock(scope, id);
        long self = access.participant(scope, a, "民主测评由参加评议的党员本人投票");
        AppraisalAccess.requireOpen(a, AppraisalStage.BALLOT, "grades");
        Map<Long, Grade> grades = checked(records.participants(id), ballot);
        if (!box.markVoted(id, self)) {
            throw alreadyVoted();
        }
        box.add(id, grades);
        // who voted, not what: the entry would otherwise be the link the tables do not keep
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("ballot", "已投票");
        audit.record(scope, AppraisalAuditAction.VOTED, AppraisalService.ENTITY, id, a.orgPath(), null, what);
    }

    /**
     * Checks a ballot as {@link #cast} would, writing nothing: the page shows it for confirmation first, since a ballot
     * cannot be changed once cast.
     */
    public Map<Long, Grade> check(DataScope scope, long id, Map<Long, Grade> ballot) {
        Appraisal a = access.read(scope, id);
        long self = access.participant(scope, a, "民主测评由参加评议的党员本人投票");
        AppraisalAccess.requireOpen(a, AppraisalStage.BALLOT, "grades");
        if (box.hasVoted(id, self)) {
            throw alreadyVoted();
        }
        return checked(records.participants(id), ballot);
    }

    private static InvalidInputException alreadyVoted() {
        return InvalidInputException.of("grades", "您已参加本次民主测评，每人只能投票一次；投票不记名，投出后不能查看或更改");
    }

    /** The caller has voted in this appraisal. */
    public boolean hasVoted(DataScope scope, long id) {
        Appraisal a = access.read(scope, id);
        return access.takesPart(scope, a) && box.hasVoted(id, scope.selfMemberId());
    }

    /** The 正式党员 a ballot grades, in the roster's order (for the ballot form): names only, no one's progress. */
    public List<Participant> rated(DataScope scope, long id) {
        access.read(scope, id);
        return records.participants(id).stream().filter(Participant::full).map(Participant::nameOnly).toList();
    }

    /** Turnout, and the totals once the ballot has closed: for those who manage the branch. */
    public BallotResult result(DataScope scope, long id) {
        Appraisal a = access.read(scope, id);
        if (!access.manages(scope, a)) {
            throw new ForbiddenException("民主测评的投票情况和结果由党支部查看");
        }
        boolean closed = a.closed(AppraisalStage.BALLOT);
        return new BallotResult(id, a.participants(), a.voted(), closed, closed ? box.totals(id) : List.of());
    }

    /** The ballot as cast: exactly one known grade for each rated member, and no one else. */
    private static Map<Long, Grade> checked(List<Participant> participants, Map<Long, Grade> ballot) {
        Map<Long, Participant> byId = new HashMap<>();
        participants.forEach(p -> byId.put(p.memberId(), p));
        FieldErrors errors = new FieldErrors();
        Map<Long, Grade> grades = new HashMap<>();
        for (Map.Entry<Long, Grade> e : (ballot == null ? Map.<Long, Grade>of() : ballot).entrySet()) {
            Participant p = e.getKey() == null ? null : byId.get(e.getKey());
            if (p == null) {
                errors.reject("grades", "所评党员不在本次评议的正式党员之中");
            } else if (!p.full()) {
                errors.reject("grades", p.name() + "是预备党员，参加评议但不评定等次（P2）");
            } else if (e.getValue() == null) {
                errors.reject("grades", "请为" + p.name() + "选择等次");
            } else {
                grades.put(p.memberId(), e.getValue());
            }
        }
        Set<String> missing = participants.stream().filter(Participant::full)
                .filter(p -> !grades.containsKey(p.memberId())).map(Participant::name)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        if (!missing.isEmpty()) {
            errors.reject("grades", "请为每名正式党员选择等次，尚未选择：" + String.join("、", missing));
        }
        errors.throwIfAny();
        return grades;
    }
}
