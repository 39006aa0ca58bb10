package cn.zhibu.admission.web;

import cn.zhibu.admission.AdmissionStep;
import cn.zhibu.admission.BranchVote;
import cn.zhibu.admission.ConversionDecision;
import cn.zhibu.admission.DecidingBody;
import cn.zhibu.admission.ExclusionGround;
import cn.zhibu.admission.RecommendationMethod;
import cn.zhibu.admission.StepForm;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The step form as the browser posts it: flat fields, the vote's exclusions as parallel lists (a member of the roll
 * and the ground).
 */
record StepPageForm(AdmissionStep step, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn,
                    String actedBy, String note, List<Long> memberIds, RecommendationMethod method, DecidingBody body,
                    Boolean passed, Integer trainingDays, Integer trainingHours, Boolean leavingSoon, String reference,
                    Integer present, Integer yes, Integer no, Integer abstain,
                    Integer writtenYes, Integer writtenNo, List<Long> excludedMember,
                    List<ExclusionGround> excludedGround, String exclusionApprovedBy, ConversionDecision decision,
                    Integer extensionMonths, String groupOpinion, String publicOpinion, Long publicityId,
                    List<Long> talkerIds)
        implements java.io.Serializable {

    StepForm toStepForm() {
        BranchVote vote = null;
        if (step == AdmissionStep.ADMISSION_MEETING || step == AdmissionStep.CONVERSION_MEETING) {
            List<BranchVote.Exclusion> excluded = new ArrayList<>();
            for (int i = 0; excludedMember != null && i < excludedMember.size(); i++) {
                Long member = excludedMember.get(i);
                ExclusionGround ground = excludedGround != null && i < excludedGround.size() ? excludedGround.get(i) : null;
                if (member != null || ground != null) {
                    excluded.add(new BranchVote.Exclusion(member, null, ground));
                }
            }
            // the roll is the server's (D9): the page sends what happened in the room and the exclusions only
            vote = BranchVote.of(n(present), n(yes), n(no), n(abstain), n(writtenYes), n(writtenNo))
                    .withExclusions(excluded, exclusionApprovedBy);
        }
        return new StepForm(step, doneOn, blank(actedBy), blank(note), memberIds, method, body, passed, trainingDays,
                trainingHours, leavingSoon, blank(reference), vote, decision, extensionMonths, blank(groupOpinion),
                blank(publicOpinion), publicityId, talkerIds, null);
    }

    private static int n(Integer v) {
        return v == null ? 0 : v;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
