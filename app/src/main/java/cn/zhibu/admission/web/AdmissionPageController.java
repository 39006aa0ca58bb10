package cn.zhibu.admission.web;

import cn.zhibu.admission.AdmissionCase;
import cn.zhibu.admission.AdmissionDocuments;
import cn.zhibu.admission.AdmissionFlow;
import cn.zhibu.admission.AdmissionService;
import cn.zhibu.admission.AdmissionStage;
import cn.zhibu.admission.AdmissionStep;
import cn.zhibu.admission.ApplicationForm;
import cn.zhibu.admission.CaseDocument;
import cn.zhibu.admission.CaseMoves;
import cn.zhibu.admission.ConversionDecision;
import cn.zhibu.admission.DecidingBody;
import cn.zhibu.admission.ExclusionGround;
import cn.zhibu.admission.NextStep;
import cn.zhibu.admission.RecommendationMethod;
import cn.zhibu.admission.Recorded;
import cn.zhibu.admission.Amended;
import cn.zhibu.admission.Amendment;
import cn.zhibu.admission.StepAmendment;
import cn.zhibu.admission.StepAmendments;
import cn.zhibu.admission.StepCheck;
import cn.zhibu.admission.StepForm;
import cn.zhibu.admission.StepRecord;
import cn.zhibu.admission.TargetPublicity;
import cn.zhibu.member.Education;
import cn.zhibu.member.MemberSearch;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.Occupation;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.Confirmation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Pager;
import cn.zhibu.platform.input.InputValidator;
import cn.zhibu.platform.input.LongText;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** 发展党员 in the browser: the pipeline of a subtree, a new application, a case with its steps and the next one. */
@Controller
class AdmissionPageController {

    private final AdmissionService admission;
    private final InputValidator input;
    private final OrganizationService organizations;
    private final MemberService members;
    private final AdmissionDocuments documents;
    private final CaseMoves caseMoves;
    private final TargetPublicity targetPublicity;
    private final StepAmendments amendments;

    AdmissionPageController(AdmissionService admission, OrganizationService organizations, MemberService members,
                            AdmissionDocuments documents, CaseMoves caseMoves, TargetPublicity targetPublicity,
                            InputValidator input, StepAmendments amendments) {
        this.amendments = amendments;
        this.input = input;
        this.documents = documents;
        this.caseMoves = caseMoves;
        this.targetPublicity = targetPublicity;
        this.admission = admission;
        this.organizations = organizations;
        this.members = members;
    }

    private List<Organization> roots(DataScope scope) {
        List<Organization> roots = organizations.managedRoots(scope);
        if (roots.isEmpty()) {
            throw new ForbiddenException("您没有办理发展党员工作的权限");
        }
        return roots;
    }

    @GetMapping("/admission")
    String pipeline(DataScope scope, @RequestParam(required = false) Long orgId,
                    @RequestParam(required = false) AdmissionStage stage,
                    @RequestParam(required = false) @NameText("姓名") String name,
                    @RequestParam(defaultValue = "0") int page, Model model) {
        List<Organization> roots = roots(scope);
        Organization org = organizations.getManaged(scope, orgId != null ? orgId : roots.get(0).id());
        var cases = admission.pipeline(scope, org.id(), stage, name, page);
        model.addAttribute("org", org);
        model.addAttribute("roots", roots);
        model.addAttribute("stage", stage);
        model.addAttribute("name", name);
        model.addAttribute("stages", AdmissionStage.values());
        model.addAttribute("cases", cases);
        model.addAttribute("pager", new Pager(cases.page(), cases.totalPages(), cases.total()));
        model.addAttribute("counts", admission.counts(scope, org.id(), LocalDate.now().getYear()));
        model.addAttribute("reminders", admission.reminders(scope, LocalDate.now(), 30).stream()
                .filter(r -> org.path().contains(r.orgPath())).limit(20).toList());
        model.addAttribute("today", LocalDate.now());
        return "admission/pipeline";
    }

    @GetMapping("/admission/new")
    String newApplication(DataScope scope, @RequestParam(required = false) Long orgId, Model model) {
        List<Organization> roots = roots(scope);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ApplicationForm(orgId, null, null, "汉族", null, null, null, null,
                    LocalDate.now()));
        }
        Organization at = organizations.getManaged(scope, orgId != null ? orgId : roots.get(0).id());
        // the branches an application can go to: the one chosen, or those below the organization in view
        List<Organization> branches = at.type().holdsMembers() ? List.of(at)
                : organizations.subtree(scope, at.id(), 500, 0).stream()
                .filter(o -> o.active() && o.type().holdsMembers()).toList();
        model.addAttribute("branches", branches);
        model.addAttribute("educations", Education.values());
        model.addAttribute("occupations", Occupation.values());
        return "admission/new";
    }

    @PostMapping("/admission")
    String apply(DataScope scope, @ModelAttribute ApplicationFormPage form, BindingResult binding,
                 RedirectAttributes redirect) {
        ApplicationForm f = form == null ? new ApplicationForm(null, null, null, null, null, null, null, null, null)
                : form.toForm();
        try {
            BindingProblems.throwIfAny(binding);
            input.check(f);
            AdmissionCase c = admission.apply(scope, f);
            redirect.addFlashAttribute("notice", "已登记" + c.name() + "的入党申请，请在一个月内派人谈话（D3）");
            return "redirect:/admission/cases/" + c.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("form", f);
            redirect.addFlashAttribute("formErrors", e.fieldErrors());
            return "redirect:/admission/new" + (f.orgId() == null ? "" : "?orgId=" + f.orgId());
        }
    }

    @GetMapping("/admission/cases/{id}")
    String show(DataScope scope, @PathVariable long id, @RequestParam(required = false) AdmissionStep step,
                Model model) {
        AdmissionCase c = admission.get(scope, id);
        AdmissionFlow flow = AdmissionFlow.of(c);
        List<AdmissionStep> open = flow.available();
        List<AdmissionStep> available = open.stream().filter(s -> admission.mayRecord(scope, c.orgPath(), s)).toList();
        NextStep nextStep = flow.next(admission.ruleSets()).orElse(null);
        AdmissionStep next = nextStep == null ? null : nextStep.step();
        AdmissionStep chosen = step != null && available.contains(step) ? step
                : available.contains(next) ? next : available.stream().findFirst().orElse(null);
        model.addAttribute("awaitingHigher", open.stream().filter(s -> !available.contains(s)).toList());
        model.addAttribute("c", c);
        model.addAttribute("flow", flow);
        model.addAttribute("available", available);
        model.addAttribute("chosen", chosen);
        model.addAttribute("deadlines", flow.deadlines(admission.ruleSets()));
        model.addAttribute("ruleSet", admission.ruleSets().inForce(LocalDate.now()));
        model.addAttribute("today", LocalDate.now());
        if (chosen == AdmissionStep.FIRST_TALK) {
            model.addAttribute("talkerCandidates", admission.talkerCandidates(scope, id));
        }
        if (chosen == AdmissionStep.CONTACTS_ASSIGNED || chosen == AdmissionStep.SPONSORS) {
            model.addAttribute("fullMembers", members.search(scope, new MemberSearch(c.orgId(), null,
                    MemberStatus.FULL, null, null, null, null, null, 0, 100, null)).items());
        }
        if (chosen == AdmissionStep.ADMISSION_MEETING || chosen == AdmissionStep.CONVERSION_MEETING) {
            // today's roll, to choose exclusions from; the vote is counted on the roll of the meeting date
            model.addAttribute("roll", admission.votingRoll(scope, id, LocalDate.now()));
        }
        model.addAttribute("documents", documents.list(scope, id));
        model.addAttribute("publicities", c.stage() == AdmissionStage.ACTIVIST || c.stage() == AdmissionStage.TARGET
                ? targetPublicity.of(scope, id) : List.of());
        // D5: the 公示 is offered only where the rule set of the 发展对象 decision requires it (2026 revision)
        model.addAttribute("targetRuleSet", targetPublicity.targetRuleSet(c, LocalDate.now()));
        model.addAttribute("publicityOffered", targetPublicity.offered(c, LocalDate.now()));
        model.addAttribute("moves", caseMoves.moves(scope, id));
        if (c.stage() == AdmissionStage.APPLICANT || c.stage() == AdmissionStage.ACTIVIST
                || c.stage() == AdmissionStage.TARGET) {
            model.addAttribute("moveTargets", roots(scope).stream()
                    .flatMap(r -> organizations.subtree(scope, r.id(), 500, 0).stream())
                    .filter(o -> o.active() && o.type().holdsMembers() && o.id() != c.orgId()).distinct().toList());
        }
        model.addAttribute("amendments", amendments.of(scope, id).stream()
                .collect(java.util.stream.Collectors.groupingBy(Amendment::stepId)));
        model.addAttribute("amendable", c.steps().stream().filter(s -> admission.mayRecord(scope, c.orgPath(), s.step()))
                .map(StepRecord::id).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("stepLabels", c.steps().stream().collect(java.util.stream.Collectors.toMap(StepRecord::id,
                s -> s.step().label())));
        model.addAttribute("hasCommittee", organizations.committee(scope, c.orgId()).exists());
        model.addAttribute("methods", RecommendationMethod.values());
        model.addAttribute("bodies", DecidingBody.values());
        model.addAttribute("decisions", ConversionDecision.values());
        model.addAttribute("grounds", ExclusionGround.values());
        return "admission/case";
    }

    /**
     * Records a step after the user confirmed it: no step can be withdrawn once recorded (an amendment corrects its
     * details only), so a valid step is first shown as it will be saved, with the soft rules it breaks.
     */
    @PostMapping("/admission/cases/{id}/steps")
    String record(DataScope scope, @PathVariable long id, @ModelAttribute StepPageForm form, BindingResult binding,
                  HttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            BindingProblems.throwIfAny(binding);
            StepForm step = form.toStepForm();
            input.check(step);
            if (Confirmation.revising(request)) {
                return backToStepForm(id, form, Map.of(), redirect);
            }
            if (!Confirmation.confirmed(request)) {
                StepCheck checked = admission.check(scope, id, step);
                AdmissionCase c = admission.get(scope, id);
                return Confirmation.of(request, "办理" + step.step().title(), "确定办理" + c.name() + "的“"
                                + step.step().title() + "”吗？登记后不能撤销，日期、人员、编号等如有差错可办理更正。",
                        StepSummary.of(c, checked), checked.warnings()).show(model);
            }
            Recorded r = admission.record(scope, id, step);
            redirect.addFlashAttribute("notice", "已办理" + r.step().step().title());
            redirect.addFlashAttribute("warnings", r.warnings());
            return "redirect:/admission/cases/" + id;
        } catch (InvalidInputException e) {
            return backToStepForm(id, form, e.fieldErrors(), redirect);
        }
    }

    private static String backToStepForm(long id, StepPageForm form, Map<String, String> errors,
                                         RedirectAttributes redirect) {
        redirect.addFlashAttribute("stepErrors", errors);
        if (form != null) {
            redirect.addFlashAttribute("stepForm", form);
        }
        return "redirect:/admission/cases/" + id + (form == null || form.step() == null ? "" : "?step=" + form.step().name())
                + "#step-form";
    }

    /** The form correcting one recorded step (更正), with the step's corrections so far. */
    @GetMapping("/admission/cases/{id}/steps/{stepId}/amend")
    String amendForm(DataScope scope, @PathVariable long id, @PathVariable long stepId, Model model) {
        AdmissionCase c = admission.get(scope, id);
        StepRecord step = c.steps().stream().filter(s -> s.id() == stepId).findFirst()
                .orElseThrow(() -> new NotFoundException("该步骤记录不存在"));
        if (!admission.mayRecord(scope, c.orgPath(), step.step())) {
            throw new ForbiddenException(step.step().title() + "是上级党委的决定，须由上级党委（基层党委）的组织管理员更正");
        }
        model.addAttribute("c", c);
        model.addAttribute("s", step);
        model.addAttribute("dateLocked", amendments.dateLocked(scope, id, stepId).orElse(null));
        model.addAttribute("history", amendments.of(scope, id).stream().filter(a -> a.stepId() == stepId).toList());
        if (step.step() == AdmissionStep.FIRST_TALK) {
            model.addAttribute("talkerCandidates", admission.talkerCandidates(scope, id));
        }
        if (step.step() == AdmissionStep.CONTACTS_ASSIGNED || step.step() == AdmissionStep.SPONSORS) {
            model.addAttribute("fullMembers", members.search(scope, new MemberSearch(c.orgId(), null,
                    MemberStatus.FULL, null, null, null, null, null, 0, 100, null)).items());
        }
        return "admission/amend";
    }

    @PostMapping("/admission/cases/{id}/steps/{stepId}/amendments")
    String amend(DataScope scope, @PathVariable long id, @PathVariable long stepId,
                 @ModelAttribute AmendPageForm form, BindingResult binding, RedirectAttributes redirect) {
        try {
            BindingProblems.throwIfAny(binding);
            StepAmendment amendment = form.toAmendment();
            input.check(amendment);
            Amended done = amendments.amend(scope, id, stepId, amendment);
            redirect.addFlashAttribute("notice", "已更正" + done.amendment().step().title() + "，原记录和更正理由见该步骤下方");
            redirect.addFlashAttribute("warnings", done.warnings());
            return "redirect:/admission/cases/" + id + "#step-" + stepId;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("amendErrors", e.fieldErrors());
            redirect.addFlashAttribute("amendForm", form);
            return "redirect:/admission/cases/" + id + "/steps/" + stepId + "/amend";
        }
    }

    @PostMapping("/admission/cases/{id}/close")
    String close(DataScope scope, @PathVariable long id,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                 @SensibleDate("终止日期") LocalDate closedOn,
                 @RequestParam(required = false) @NoteText("终止原因") String reason, RedirectAttributes redirect) {
        try {
            admission.close(scope, id, closedOn, reason);
            redirect.addFlashAttribute("notice", "已终止该发展工作");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("closeErrors", e.fieldErrors());
        }
        return "redirect:/admission/cases/" + id;
    }

    @PostMapping("/admission/cases/{id}/documents")
    String attach(DataScope scope, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) Long stepId, RedirectAttributes redirect) throws IOException {
        try {
            CaseDocument d = documents.attach(scope, id, stepId, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes());
            redirect.addFlashAttribute("notice", "已上传“" + d.name() + "”");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("documentErrors", e.fieldErrors());
        }
        return "redirect:/admission/cases/" + id + "#documents";
    }

    @GetMapping("/admission/cases/{id}/documents/{documentId}")
    ResponseEntity<byte[]> download(DataScope scope, @PathVariable long id, @PathVariable long documentId) {
        return DocumentResponses.of(documents.read(scope, id, documentId));
    }

    @PostMapping("/admission/cases/{id}/documents/{documentId}/delete")
    String remove(DataScope scope, @PathVariable long id, @PathVariable long documentId, RedirectAttributes redirect) {
        documents.remove(scope, id, documentId);
        redirect.addFlashAttribute("notice", "已删除材料");
        return "redirect:/admission/cases/" + id + "#documents";
    }

    @PostMapping("/admission/cases/{id}/publicity")
    String publish(DataScope scope, @PathVariable long id,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                   @SensibleDate("公示开始日期") LocalDate startsOn,
                   @RequestParam(required = false) @LongText("公示内容") String body, RedirectAttributes redirect) {
        try {
            var p = targetPublicity.publish(scope, id, startsOn, body);
            redirect.addFlashAttribute("notice", "已发起公示，公示期至" + p.endsOn() + "（" + p.workingDays() + "个工作日）");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("publicityErrors", e.fieldErrors());
        }
        return "redirect:/admission/cases/" + id + "#publicity";
    }

    @PostMapping("/admission/cases/{id}/move")
    String move(DataScope scope, @PathVariable long id, @RequestParam(required = false) Long toOrgId,
                @RequestParam(required = false) @NoteText("转入原因") String reason, RedirectAttributes redirect) {
        try {
            AdmissionCase c = caseMoves.move(scope, id, toOrgId, reason);
            redirect.addFlashAttribute("notice", "已转入" + c.orgName() + "，已办步骤和培养时间连续计算");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("moveErrors", e.fieldErrors());
        }
        return "redirect:/admission/cases/" + id;
    }

    /** The minutes of a branch meeting vote (D9), printable. */
    @GetMapping("/admission/cases/{id}/minutes/{stepId}")
    String minutes(DataScope scope, @PathVariable long id, @PathVariable long stepId, Model model) {
        AdmissionCase c = admission.get(scope, id);
        StepRecord meeting = c.steps().stream().filter(s -> s.id() == stepId && s.form().vote() != null).findFirst()
                .orElseThrow(() -> new NotFoundException("会议记录不存在"));
        model.addAttribute("c", c);
        model.addAttribute("m", meeting);
        model.addAttribute("v", meeting.form().vote());
        return "admission/minutes";
    }
}
