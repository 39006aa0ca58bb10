package cn.zhibu.admission;

import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A correction (更正) of a recorded step, with its reason. Only the details of a step may be corrected — its date,
 * the people and numbers it names, the training it records, the opinions and the note; a field left null keeps its
 * value. What a step decided (a vote, a 结论, 转正 or 延长) is never corrected: that takes the procedure again.
 *
 * @param doneOn        the date (not of step 1, whose date is the application's (D2), of a branch meeting, whose vote
 *                      counts the roll of its day (D9), or of an approval, which the registry holds (D10, D11))
 * @param talkerIds     step 2 (D3)
 * @param memberIds     steps 5 and 9 (D4, D6)
 * @param reference     steps 14 and 25
 * @param trainingDays  step 11 (D7)
 * @param trainingHours step 11 (D7)
 * @param groupOpinion  step 23 (D12)
 * @param publicOpinion step 23 (D12)
 * @param reason        why the record was wrong (required)
 */
public record StepAmendment(@SensibleDate("办理日期") LocalDate doneOn, @NameText("经办人或决定机构") String actedBy,
                            @Size(max = StepForm.MAX_MEMBERS, message = "谈话人（talkerIds）最多" + StepForm.MAX_MEMBERS + "人")
                            List<Long> talkerIds,
                            @Size(max = StepForm.MAX_MEMBERS, message = "所选党员（memberIds）最多" + StepForm.MAX_MEMBERS + "人")
                            List<Long> memberIds,
                            @ShortText("编号") String reference, Integer trainingDays, Integer trainingHours,
                            @NoteText("说明") String note, @NoteText("党小组意见") String groupOpinion,
                            @NoteText("党内外群众意见") String publicOpinion, @NoteText("更正理由") String reason) {
}
