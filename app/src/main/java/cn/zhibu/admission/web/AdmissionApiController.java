package cn.zhibu.admission.web;

import cn.zhibu.platform.CachedRead;
import cn.zhibu.admission.AdmissionCase;
import cn.zhibu.admission.AdmissionDocuments;
import cn.zhibu.admission.AdmissionFlow;
import cn.zhibu.admission.AdmissionReminder;
import cn.zhibu.admission.AdmissionService;
import cn.zhibu.admission.AdmissionStage;
import cn.zhibu.admission.BranchVote;
import cn.zhibu.admission.ApplicationForm;
import cn.zhibu.admission.CaseDocument;
import cn.zhibu.admission.CaseMoves;
import cn.zhibu.admission.CasePage;
import cn.zhibu.admission.NextStep;
import cn.zhibu.admission.PipelineCounts;
import cn.zhibu.admission.Recorded;
import cn.zhibu.admission.StepForm;
import cn.zhibu.admission.Amended;
import cn.zhibu.admission.Amendment;
import cn.zhibu.admission.StepAmendment;
import cn.zhibu.admission.StepAmendments;
import cn.zhibu.admission.AdmissionStep;
import cn.zhibu.admission.TalkerCandidate;
import cn.zhibu.admission.TargetPublicity;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.input.LongText;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.publishing.Publicity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1/admission")
@Tag(name = "发展党员", description = "从递交入党申请书到材料归档的25个步骤（RULES.md D1–D14），按步骤日期适用的细则版本校验")
class AdmissionApiController {

    private final AdmissionService admission;
    private final AdmissionDocuments documents;
    private final CaseMoves caseMoves;
    private final TargetPublicity targetPublicity;
    private final StepAmendments amendments;

    AdmissionApiController(AdmissionService admission, AdmissionDocuments documents, CaseMoves caseMoves,
                           TargetPublicity targetPublicity, StepAmendments amendments) {
        this.amendments = amendments;
        this.admission = admission;
        this.documents = documents;
        this.caseMoves = caseMoves;
        this.targetPublicity = targetPublicity;
    }

    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记入党申请（第1步）", description = "申请日期须年满18周岁（D2）；出生日期和性别取自身份证号")
    AdmissionCase apply(DataScope scope, @RequestBody ApplicationForm form) {
        return admission.apply(scope, form);
    }

    @GetMapping("/cases")
    @CachedRead
    @Operation(summary = "发展党员工作流水线", description = "组织及其下级的发展对象，按阶段筛选（不填为进行中的全部），"
            + "每人显示下一步骤、期限和办理方")
    CasePage pipeline(DataScope scope, @RequestParam long orgId, @RequestParam(required = false) AdmissionStage stage,
                      @RequestParam(required = false) @NameText("姓名") String name, @RequestParam(defaultValue = "0") int page) {
        return admission.pipeline(scope, orgId, stage, name, page);
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "一个人的发展记录（全部已办步骤）")
    AdmissionCase get(DataScope scope, @PathVariable long id) {
        return admission.get(scope, id);
    }

    /**
     * @param votingRoll       today's voting 正式党员 of the branch (D9), to name exclusions from by {@code memberId}
     * @param talkerCandidates whom step 2's {@code talkerIds} may name (D3: the committee's 书记, 副书记 and 组织委员
     *                         first, then the branch's 正式党员)
     */
    record Status(AdmissionCase admissionCase, List<String> availableSteps, NextStep next,
                  LocalDate probationEnds, int registryVoters, List<BranchVote.Voter> votingRoll,
                  List<TalkerCandidate> talkerCandidates) {
    }

    @GetMapping("/cases/{id}/status")
    @Operation(summary = "当前可办理的步骤、下一步期限、预备期满日期、支部今日有表决权的正式党员（名单和人数），"
            + "以及第2步可选的谈话人（talkerCandidates）")
    Status status(DataScope scope, @PathVariable long id) {
        AdmissionCase c = admission.get(scope, id);
        var flow = AdmissionFlow.of(c);
        List<BranchVote.Voter> roll = admission.votingRoll(scope, id, LocalDate.now());
        return new Status(c, flow.available().stream().map(Enum::name).toList(),
                flow.next(admission.ruleSets()).orElse(null), flow.probationEnds().orElse(null), roll.size(), roll,
                flow.available().contains(AdmissionStep.FIRST_TALK) ? admission.talkerCandidates(scope, id) : List.of());
    }

    @PostMapping("/cases/{id}/steps")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "办理一个步骤", description = "违反硬性规定的会被拒绝并说明依据（如“距确定为入党积极分子未满一年"
            + "（《发展党员工作细则》第十三条）”）；超过期限等软性规定在 warnings 中提示。支部大会（第15、23步）的 vote "
            + "只填实到、赞成、反对、弃权、书面意见和不计入应到会人数的党员（excluded：memberId 与情形 ground，须为会议当日名册上"
            + "的党员，并填写 exclusionApprovedBy）；有表决权的正式党员名册由系统按会议日期计算（D9），请求中带 registryVoters "
            + "或 roll 的会被拒绝。第2步的谈话人以党员编号 talkerIds 填写（须在本组织党员名册中，D3：其中有书记、副书记"
            + "或组织委员即可），不在名册中的谈话人可写在 actedBy")
    Recorded record(DataScope scope, @PathVariable long id, @RequestBody StepForm form) {
        return admission.record(scope, id, form);
    }

    @PostMapping("/cases/{id}/steps/{stepId}/amendments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "更正已办步骤", description = "更正录入有误的日期、人员（谈话人 talkerIds、培养联系人或入党介绍人 "
            + "memberIds）、编号、培训天数学时、意见和说明，须填写更正理由 reason；不填的项保持原样。表决结果、审批结论等决定"
            + "不能更正；申请日期（D2）、已经上级党委审批的支部大会日期和审批日期（D10、D11）不能更正。更正后仍须符合全部规定"
            + "（如 D5 满一年、D10 六个月、D11 预备期），否则拒绝并说明依据。原记录和每次更正都保留")
    Amended amend(DataScope scope, @PathVariable long id, @PathVariable long stepId,
                  @RequestBody StepAmendment amendment) {
        return amendments.amend(scope, id, stepId, amendment);
    }

    @GetMapping("/cases/{id}/amendments")
    @Operation(summary = "更正记录", description = "每次更正的步骤、各项原值和更正后的值、理由、更正人和时间，按时间先后")
    List<Amendment> amendments(DataScope scope, @PathVariable long id) {
        return amendments.of(scope, id);
    }

    record Closing(@SensibleDate("终止日期") LocalDate closedOn, @NoteText("终止原因") String reason) {
    }

    @PostMapping("/cases/{id}/close")
    @Operation(summary = "终止发展（接收为预备党员之前：本人撤回、政审不合格、未被确定等）")
    AdmissionCase close(DataScope scope, @PathVariable long id, @RequestBody Closing closing) {
        return admission.close(scope, id, closing.closedOn(), closing.reason());
    }

    @PostMapping(value = "/cases/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传材料", description = "PDF、JPG、PNG、Word、Excel、OFD，不超过10 MB；stepId 可选，指明所属步骤")
    CaseDocument attach(DataScope scope, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
                        @RequestParam(required = false) Long stepId) throws IOException {
        return documents.attach(scope, id, stepId, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes());
    }

    @GetMapping("/cases/{id}/documents")
    @Operation(summary = "材料清单")
    List<CaseDocument> documents(DataScope scope, @PathVariable long id) {
        return documents.list(scope, id);
    }

    @GetMapping("/cases/{id}/documents/{documentId}")
    @Operation(summary = "下载材料")
    ResponseEntity<byte[]> download(DataScope scope, @PathVariable long id, @PathVariable long documentId) {
        return DocumentResponses.of(documents.read(scope, id, documentId));
    }

    @DeleteMapping("/cases/{id}/documents/{documentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除材料")
    void remove(DataScope scope, @PathVariable long id, @PathVariable long documentId) {
        documents.remove(scope, id, documentId);
    }

    record PublicityRequest(@SensibleDate("公示开始日期") LocalDate startsOn, @LongText("公示内容") String body) {
    }

    @PostMapping("/cases/{id}/publicity")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发起拟确定为发展对象的公示（2026年修订版细则：不少于5个工作日）",
            description = "向本支部党员公示，公示期内可提意见；公示期按法定节假日和调休安排的工作日计算")
    Publicity publishPublicity(DataScope scope, @PathVariable long id, @RequestBody PublicityRequest request) {
        return targetPublicity.publish(scope, id, request.startsOn(), request.body());
    }

    @GetMapping("/cases/{id}/publicity")
    @Operation(summary = "该发展对象的公示")
    List<Publicity> publicities(DataScope scope, @PathVariable long id) {
        return targetPublicity.of(scope, id);
    }

    record CaseMove(Long toOrgId, @NoteText("转入原因") String reason) {
    }

    @PostMapping("/cases/{id}/move")
    @Operation(summary = "转到其他党支部（工作单位变动，已办步骤和培养时间连续计算，D4）")
    AdmissionCase move(DataScope scope, @PathVariable long id, @RequestBody CaseMove request) {
        return caseMoves.move(scope, id, request.toOrgId(), request.reason());
    }

    @GetMapping("/counts")
    @Operation(summary = "发展党员统计（S1）：各阶段人数，当年接收预备党员和转正人数")
    PipelineCounts counts(DataScope scope, @RequestParam long orgId,
                          @RequestParam(required = false) Integer year) {
        return admission.counts(scope, orgId, year == null ? LocalDate.now().getYear() : year);
    }

    @GetMapping("/reminders")
    @Operation(summary = "30天内到期或已逾期的发展党员事项（谈话、考察、审批、预备期满）")
    List<AdmissionReminder> reminders(DataScope scope, @RequestParam(defaultValue = "30") int days) {
        return admission.reminders(scope, LocalDate.now(), Math.min(Math.max(days, 0), 365));
    }
}
