package cn.zhibu.life.appraisal.web;

import cn.zhibu.life.appraisal.Appraisal;
import cn.zhibu.life.appraisal.AppraisalBallots;
import cn.zhibu.life.appraisal.AppraisalGrading;
import cn.zhibu.life.appraisal.AppraisalPage;
import cn.zhibu.life.appraisal.AppraisalParticipation;
import cn.zhibu.life.appraisal.AppraisalService;
import cn.zhibu.life.appraisal.AppraisalStage;
import cn.zhibu.life.appraisal.GradeQuota;
import cn.zhibu.life.roster.BranchRoster;
import cn.zhibu.organization.Organization;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.Pager;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 民主评议 in the browser for those who run it: the list, the open form, the appraisal's page (stages, turnout, totals,
 * grades against P2) and its stage buttons. What members do is {@link MemberAppraisalPageController}; the grading
 * form is {@link GradingPageController}.
 */
@Controller
class AppraisalPageController {

    private static final int PAGE_SIZE = 20;
    private static final int ORG_OPTIONS = 500;

    private final AppraisalService appraisals;
    private final AppraisalParticipation participation;
    private final AppraisalBallots ballots;
    private final AppraisalGrading grading;
    private final BranchRoster roster;

    AppraisalPageController(AppraisalService appraisals, AppraisalParticipation participation,
                            AppraisalBallots ballots, AppraisalGrading grading, BranchRoster roster) {
        this.appraisals = appraisals;
        this.participation = participation;
        this.ballots = ballots;
        this.grading = grading;
        this.roster = roster;
    }

    @GetMapping("/life/appraisals")
    String list(DataScope scope, @RequestParam(required = false) Integer year,
                @RequestParam(defaultValue = "0") int page, Model model) {
        AppraisalPage result = appraisals.list(scope, year, page, PAGE_SIZE);
        int thisYear = LocalDate.now().getYear();
        model.addAttribute("page", result);
        model.addAttribute("pager", new Pager(result.page(), result.totalPages(), result.total()));
        model.addAttribute("year", year);
        model.addAttribute("years", List.of(thisYear, thisYear - 1, thisYear - 2));
        model.addAttribute("canOpen", scope.hasManagedScope());
        model.addAttribute("baseUrl", "/life/appraisals?" + (year == null ? "" : "year=" + year + "&"));
        return "life/appraisal/list";
    }

    @GetMapping("/life/appraisals/new")
    String newForm(DataScope scope, @RequestParam(required = false) Long orgId, Model model) {
        List<Organization> options = branchOptions(scope);
        if (orgId != null && options.stream().noneMatch(o -> o.id() == orgId)) {
            throw new cn.zhibu.platform.NotFoundException("党支部不存在或不在您的管理范围内");
        }
        Long chosen = orgId != null ? orgId : options.size() == 1 ? options.get(0).id() : null;
        return form(model, options, chosen, LocalDate.now().getYear(), Map.of());
    }

    @PostMapping("/life/appraisals")
    String open(DataScope scope, @RequestParam(required = false) Long orgId,
                @RequestParam(required = false) Integer year, Model model, RedirectAttributes redirect) {
        List<Organization> options = branchOptions(scope);
        try {
            if (orgId == null) {
                throw InvalidInputException.of("orgId", "请选择党支部");
            }
            if (year == null) {
                throw InvalidInputException.of("year", "请选择评议年度");
            }
            Appraisal a = appraisals.open(scope, orgId, year);
            redirect.addFlashAttribute("notice", "已发起" + a.year() + "年度民主评议党员，参评党员" + a.participants()
                    + "名，个人自评已开始");
            return "redirect:/life/appraisals/" + a.id();
        } catch (InvalidInputException e) {
            return form(model, options, orgId, year, e.fieldErrors());
        }
    }

    @GetMapping("/life/appraisals/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        Appraisal a = appraisals.get(scope, id);
        boolean manages = appraisals.manages(scope, a);
        boolean takesPart = appraisals.takesPart(scope, a);
        model.addAttribute("a", a);
        model.addAttribute("stages", AppraisalStage.values());
        model.addAttribute("manages", manages);
        model.addAttribute("takesPart", takesPart);
        if (manages) {
            model.addAttribute("participants", appraisals.participants(scope, id));
            model.addAttribute("result", ballots.result(scope, id));
            model.addAttribute("summary", grading.summary(scope, id));
            model.addAttribute("selfAssessments", participation.selfAssessments(scope, id));
            model.addAttribute("reviews", participation.reviews(scope, id));
        }
        if (takesPart) {
            model.addAttribute("ownSelf", participation.ownSelfAssessment(scope, id).orElse(null));
            model.addAttribute("voted", ballots.hasVoted(scope, id));
            model.addAttribute("ownGrade", grading.ownGrade(scope, id).orElse(null));
        }
        model.addAttribute("unqualifiedNote", GradeQuota.UNQUALIFIED_NOTE);
        model.addAttribute("order", AppraisalStage.ORDER);
        return "life/appraisal/detail";
    }

    @PostMapping("/life/appraisals/{id}/stages/{stage}/open")
    String openStage(DataScope scope, @PathVariable long id, @PathVariable AppraisalStage stage,
                     RedirectAttributes redirect) {
        try {
            appraisals.openStage(scope, id, stage);
            redirect.addFlashAttribute("notice", stage.label() + "已开始");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("stageError", String.join("；", e.messages()));
        }
        return "redirect:/life/appraisals/" + id;
    }

    @PostMapping("/life/appraisals/{id}/stages/{stage}/close")
    String closeStage(DataScope scope, @PathVariable long id, @PathVariable AppraisalStage stage,
                      RedirectAttributes redirect) {
        try {
            appraisals.closeStage(scope, id, stage);
            redirect.addFlashAttribute("notice", stage.label() + "已结束");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("stageError", String.join("；", e.messages()));
        }
        return "redirect:/life/appraisals/" + id;
    }

    private String form(Model model, List<Organization> options, Long orgId, Integer year, Map<String, String> errors) {
        int thisYear = LocalDate.now().getYear();
        model.addAttribute("orgOptions", options);
        model.addAttribute("orgId", orgId);
        model.addAttribute("year", year);
        model.addAttribute("years", List.of(thisYear, thisYear - 1));
        model.addAttribute("errors", errors);
        return "life/appraisal/new";
    }

    private List<Organization> branchOptions(DataScope scope) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("只有党支部书记和组织管理员可以发起民主评议");
        }
        return roster.managedBranches(scope, ORG_OPTIONS);
    }
}
