package cn.zhibu.admission;

import cn.zhibu.member.MembershipService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * D9: the roll a branch meeting votes on — the voting 正式党员 of the branch (its 党小组 included) on the meeting
 * date, not 预备党员, not under 留党察看 then — read from the member registry, never taken from the request.
 */
@Component
class MeetingRoll {

    private final MembershipService membership;

    MeetingRoll(MembershipService membership) {
        this.membership = membership;
    }

    List<BranchVote.Voter> of(DataScope scope, long branchId, LocalDate day) {
        return membership.votingRoll(scope, branchId, day).stream()
                .map(m -> new BranchVote.Voter(m.id(), m.name())).toList();
    }

    /**
     * The step with its vote counted on the roll of its date. A request that brings a roll or its size is refused:
     * it names only exclusions (members of that roll, with their grounds) and their approval.
     */
    StepForm apply(DataScope scope, long branchId, StepForm form) {
        BranchVote vote = form.vote();
        boolean meeting = form.step() == AdmissionStep.ADMISSION_MEETING || form.step() == AdmissionStep.CONVERSION_MEETING;
        if (vote == null || !meeting) {
            return form;
        }
        if (vote.rollGiven()) {
            throw InvalidInputException.of("vote.registryVoters", "有表决权的正式党员由系统按会议日期从党员名册中计算（D9），"
                    + "请勿填写 registryVoters 或 roll；如有不计入应到会人数的党员，请在 excluded 中列出其党员编号和情形");
        }
        return form.doneOn() == null ? form : form.withVote(vote.onRoll(of(scope, branchId, form.doneOn())));
    }
}
