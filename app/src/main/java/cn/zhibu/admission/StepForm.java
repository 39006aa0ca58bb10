package cn.zhibu.admission;

import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * One step as the user records it. Common to every step: the date, who acted (谈话人, 审批的党委, 培训单位 …) and a
 * note. The other fields belong to particular steps and are ignored elsewhere:
 *
 * @param memberIds        step 5: the 培养联系人 (1–2, D4); step 9: the 入党介绍人 (exactly 2, D6) — registry members
 * @param method           step 3: how the activist was put forward (D4)
 * @param body             steps 3 and 7: which body decided (支委会, or the 支部大会 of a branch without a committee)
 * @param passed           steps 10, 13, 17 and 24: 合格 / 同意 / 批准
 * @param trainingDays     step 11 (D7)
 * @param trainingHours    step 11 (D7)
 * @param leavingSoon      step 12: the candidate leaves their unit within three months (D8)
 * @param reference        step 14: the 入党志愿书 number; step 25: where the file is kept (D14)
 * @param vote             steps 15 and 23 (D9)
 * @param decision         step 23: 按期转正, 延长预备期 or 取消预备党员资格 (D11)
 * @param extensionMonths  step 23 with an extension: 6–12 (D11)
 * @param groupOpinion     step 23: the 党小组's opinion (D12)
 * @param publicOpinion    step 23: opinions of members and non-members (D12)
 * @param publicityId      step 7 under the 2026 rules: the 公示 (D5)
 * @param talkerIds        step 2: who held the talk, registry members in the caller's scope (D3: the 书记, 副书记 or
 *                         组织委员 among them); someone not on the roll goes into {@code actedBy}
 * @param talkerNames      step 2: their names on the day, filled in by the server (what a request sends is replaced)
 */
public record StepForm(AdmissionStep step, @SensibleDate("办理日期") LocalDate doneOn,
                       @NameText("办理人或单位") String actedBy, @NoteText("备注") String note,
                       @Size(max = StepForm.MAX_MEMBERS, message = "所选党员（memberIds）最多" + StepForm.MAX_MEMBERS + "人")
                       List<Long> memberIds,
                       RecommendationMethod method, DecidingBody body, Boolean passed, Integer trainingDays,
                       Integer trainingHours, Boolean leavingSoon, @ShortText("编号") String reference,
                       @Valid BranchVote vote, ConversionDecision decision, Integer extensionMonths,
                       @NoteText("党小组意见") String groupOpinion, @NoteText("党内外群众意见") String publicOpinion,
                       Long publicityId,
                       @Size(max = StepForm.MAX_MEMBERS, message = "谈话人（talkerIds）最多" + StepForm.MAX_MEMBERS + "人")
                       List<Long> talkerIds, List<String> talkerNames) {

    /** No step names more than two people (D4 contacts, D6 sponsors); a few more leave room, thousands are refused. */
    public static final int MAX_MEMBERS = 10;

    public StepForm {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
        talkerIds = talkerIds == null ? List.of() : List.copyOf(talkerIds);
        talkerNames = talkerNames == null ? List.of() : List.copyOf(talkerNames);
    }

    /** A step with no talkers (every step but the first talk, and talks recorded by name before talkers were picked). */
    public StepForm(AdmissionStep step, LocalDate doneOn, String actedBy, String note, List<Long> memberIds,
                    RecommendationMethod method, DecidingBody body, Boolean passed, Integer trainingDays,
                    Integer trainingHours, Boolean leavingSoon, String reference, BranchVote vote,
                    ConversionDecision decision, Integer extensionMonths, String groupOpinion, String publicOpinion,
                    Long publicityId) {
        this(step, doneOn, actedBy, note, memberIds, method, body, passed, trainingDays, trainingHours, leavingSoon,
                reference, vote, decision, extensionMonths, groupOpinion, publicOpinion, publicityId, null, null);
    }

    /** A step with only its date, actor and note. */
    public static StepForm simple(AdmissionStep step, LocalDate doneOn, String actedBy, String note) {
        return new StepForm(step, doneOn, actedBy, note, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    public StepForm withMembers(List<Long> ids) {
        return new StepForm(step, doneOn, actedBy, note, ids, method, body, passed, trainingDays, trainingHours,
                leavingSoon, reference, vote, decision, extensionMonths, groupOpinion, publicOpinion, publicityId,
                talkerIds, talkerNames);
    }

    public StepForm withPassed(boolean value) {
        return new StepForm(step, doneOn, actedBy, note, memberIds, method, body, value, trainingDays, trainingHours,
                leavingSoon, reference, vote, decision, extensionMonths, groupOpinion, publicOpinion, publicityId,
                talkerIds, talkerNames);
    }

    public StepForm withVote(BranchVote value) {
        return new StepForm(step, doneOn, actedBy, note, memberIds, method, body, passed, trainingDays, trainingHours,
                leavingSoon, reference, value, decision, extensionMonths, groupOpinion, publicOpinion, publicityId,
                talkerIds, talkerNames);
    }

    /** Step 2's talkers by id, with their names as the server found them. */
    public StepForm withTalkers(List<Long> ids, List<String> names) {
        return new StepForm(step, doneOn, actedBy, note, memberIds, method, body, passed, trainingDays, trainingHours,
                leavingSoon, reference, vote, decision, extensionMonths, groupOpinion, publicOpinion, publicityId,
                ids, names);
    }

    /** Who held the talk, as one line: the picked members, then anyone named in {@code actedBy}. */
    public String talkersLabel() {
        List<String> all = new java.util.ArrayList<>(talkerNames);
        if (actedBy != null && !actedBy.isBlank()) {
            all.add(actedBy.strip());
        }
        return String.join("、", all);
    }

    /** The positive outcome of a step that has one (a vote that passed, a review that was 合格); true otherwise. */
    public boolean positive() {
        if (vote != null && (step == AdmissionStep.ADMISSION_MEETING || step == AdmissionStep.CONVERSION_MEETING)) {
            return vote.passed();
        }
        return passed == null || passed;
    }
}
