package cn.zhibu.life.appraisal;

import cn.zhibu.life.appraisal.internal.AppraisalRecords;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in an appraisal, in one place for its services. Those who manage the branch (its 书记, the
 * committees above, 组织管理员) see it and run its stages; those who take part see it and do their own part. Anyone
 * else gets 404, whether it exists or not.
 */
@Component
class AppraisalAccess {

    static final String NOT_FOUND = "民主评议不存在或不在您的查看范围内";

    private final AppraisalRecords records;

    AppraisalAccess(AppraisalRecords records) {
        this.records = records;
    }

    /** The appraisal, if the caller may see it; else 404. */
    Appraisal read(DataScope scope, long id) {
        return records.find(id).filter(a -> sees(scope, a)).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /** The same, its row locked for the caller's write (see {@link AppraisalRecords#lock}). */
    Appraisal lock(DataScope scope, long id) {
        return records.lock(id).filter(a -> sees(scope, a)).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /** Locks an appraisal the caller manages: 404 when they do not see it, 403 when they only take part in it. */
    Appraisal lockManaged(DataScope scope, long id, String refusal) {
        Appraisal a = lock(scope, id);
        if (!manages(scope, a)) {
            throw new ForbiddenException(refusal);
        }
        return a;
    }

    /** The caller's own member id in this appraisal: 403 for a manager who does not take part in it. */
    long participant(DataScope scope, Appraisal a, String refusal) {
        if (!takesPart(scope, a)) {
            throw new ForbiddenException(refusal);
        }
        return scope.selfMemberId();
    }

    boolean sees(DataScope scope, Appraisal a) {
        return manages(scope, a) || takesPart(scope, a);
    }

    boolean manages(DataScope scope, Appraisal a) {
        return scope.managesMembersAt(a.orgPath());
    }

    boolean takesPart(DataScope scope, Appraisal a) {
        return scope.selfMemberId() != null && records.takesPart(a.id(), scope.selfMemberId());
    }

    /** Refuses unless {@code stage} is open now, citing P1 and saying what comes first or when it ended. */
    static void requireOpen(Appraisal a, AppraisalStage stage, String field) {
        if (a.isOpen(stage)) {
            return;
        }
        if (a.completed() || a.closed(stage)) {
            throw InvalidInputException.of(field, stage.label() + "环节已经结束（" + AppraisalStage.ORDER + "）");
        }
        AppraisalStage current = a.openStage().orElse(null);
        throw InvalidInputException.of(field, stage.label() + "环节尚未开始"
                + (current == null ? "" : "，目前正在进行" + current.label()) + "（" + AppraisalStage.ORDER + "）");
    }
}
