package cn.zhibu.admission.web;

import cn.zhibu.admission.StepAmendment;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.List;

/**
 * The correction form as the browser posts it: the step's fields as shown (pre-filled with what is recorded), so a
 * field left as it was is no change. {@code talkersShown} / {@code membersShown} tell an emptied list of checkboxes
 * (which posts nothing) from a list the form did not show.
 */
record AmendPageForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn, String actedBy,
                     List<Long> talkerIds, Boolean talkersShown, List<Long> memberIds, Boolean membersShown,
                     String reference, Integer trainingDays, Integer trainingHours, String note, String groupOpinion,
                     String publicOpinion, String reason) implements java.io.Serializable {

    StepAmendment toAmendment() {
        List<Long> talkers = talkerIds != null ? talkerIds : Boolean.TRUE.equals(talkersShown) ? List.of() : null;
        List<Long> members = memberIds != null ? memberIds : Boolean.TRUE.equals(membersShown) ? List.of() : null;
        return new StepAmendment(doneOn, actedBy, talkers, members, reference, trainingDays, trainingHours, note,
                groupOpinion, publicOpinion, reason);
    }
}
