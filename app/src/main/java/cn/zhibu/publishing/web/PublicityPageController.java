package cn.zhibu.publishing.web;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.Pager;
import cn.zhibu.platform.WorkingDays;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.publishing.Publicity;
import cn.zhibu.publishing.PublicityPage;
import cn.zhibu.publishing.PublicityService;
import cn.zhibu.publishing.PublicityStatus;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** 公示 in the browser: the list, a notice with its comments, and the publish form for managers. */
@Controller
class PublicityPageController {

    private static final int PAGE_SIZE = 20;
    private static final int ORG_OPTIONS = 500;

    private final PublicityService publicity;
    private final OrganizationService organizations;
    private final WorkingDays workingDays;

    PublicityPageController(PublicityService publicity, OrganizationService organizations, WorkingDays workingDays) {
        this.publicity = publicity;
        this.organizations = organizations;
        this.workingDays = workingDays;
    }

    @GetMapping("/publicity")
    String list(DataScope scope, @RequestParam(required = false) PublicityStatus status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        PublicityPage result = publicity.list(scope, status, page, PAGE_SIZE);
        model.addAttribute("page", result);
        model.addAttribute("pager", new Pager(result.page(), result.totalPages(), result.total()));
        model.addAttribute("status", status);
        model.addAttribute("statuses", PublicityStatus.values());
        model.addAttribute("canPublish", scope.hasManagedScope());
        model.addAttribute("baseUrl", "/publicity?" + (status == null ? "" : "status=" + status + "&"));
        return "publishing/list";
    }

    @GetMapping("/publicity/new")
    String newForm(DataScope scope, @RequestParam(required = false) Long orgId, Model model) {
        List<Organization> options = orgOptions(scope);
        // preselected: the organization asked for, else the only one there is (none with several to choose from)
        Long chosen = null;
        if (orgId != null) {
            chosen = organizations.getManaged(scope, orgId).id();
        } else if (options.size() == 1) {
            chosen = options.get(0).id();
        }
        return form(model, options, new PublicityForm(chosen, null, null, LocalDate.now(), 5), Map.of());
    }

    @PostMapping("/publicity")
    String publish(DataScope scope, @Valid @ModelAttribute("form") PublicityForm form, BindingResult binding, Model model,
                   RedirectAttributes redirect) {
        List<Organization> options = orgOptions(scope);
        try {
            BindingProblems.throwIfAny(binding);
            Publicity p = publicity.publish(scope, form.draft());
            redirect.addFlashAttribute("notice", "已发布公示，公示期 " + p.startsOn() + " 至 " + p.endsOn() + "（"
                    + p.workingDays() + "个工作日）");
            return "redirect:/publicity/" + p.id();
        } catch (InvalidInputException e) {
            return form(model, options, form, e.fieldErrors());
        }
    }

    /** The period's last day as the form is filled in (htmx). */
    @GetMapping("/publicity/period")
    String period(@RequestParam(required = false) String startsOn,
                  @RequestParam(required = false) String workingDays, Model model) {
        model.addAttribute("period", Period.of(this.workingDays, startsOn, workingDays));
        return "publishing/form :: period";
    }

    @GetMapping("/publicity/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        Publicity p = publicity.get(scope, id);
        LocalDate today = LocalDate.now();
        model.addAttribute("p", p);
        model.addAttribute("statusCode", p.statusOn(today).name());
        model.addAttribute("manages", publicity.manages(scope, p));
        model.addAttribute("canComment", publicity.takesCommentsFrom(scope, p));
        model.addAttribute("canWithdraw", publicity.manages(scope, p) && !p.withdrawn() && !p.endedOn(today));
        model.addAttribute("comments", publicity.comments(scope, id));
        model.addAttribute("today", today);
        return "publishing/detail";
    }

    @PostMapping("/publicity/{id}/comments")
    String comment(DataScope scope, @PathVariable long id, @RequestParam(required = false) @NoteText("意见") String text,
                   @RequestParam(defaultValue = "false") boolean anonymous, RedirectAttributes redirect) {
        try {
            publicity.comment(scope, id, text, anonymous);
            // the same words either way: the flash message waits in the session, which names the user
            redirect.addFlashAttribute("notice", "已提交意见，谢谢您的监督");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("commentErrors", e.fieldErrors());
            redirect.addFlashAttribute("commentText", text);
        }
        return "redirect:/publicity/" + id + "#comments";
    }

    @PostMapping("/publicity/{id}/withdraw")
    String withdraw(DataScope scope, @PathVariable long id,
                    @RequestParam(required = false) @NoteText("撤回原因") String reason,
                    RedirectAttributes redirect) {
        try {
            publicity.withdraw(scope, id, reason);
            redirect.addFlashAttribute("notice", "已撤回该公示");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("withdrawErrors", e.fieldErrors());
        }
        return "redirect:/publicity/" + id;
    }

    private String form(Model model, List<Organization> options, PublicityForm form, Map<String, String> errors) {
        model.addAttribute("orgOptions", options);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("maxWorkingDays", PublicityService.MAX_WORKING_DAYS);
        model.addAttribute("period", Period.of(workingDays, form.startsOn() == null ? null : form.startsOn().toString(),
                form.workingDays() == null ? null : form.workingDays().toString()));
        return "publishing/form";
    }

    /** Organizations the caller may publish for: the active ones of their managed subtrees, in tree order. */
    private List<Organization> orgOptions(DataScope scope) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("只有党组织书记和组织管理员可以发布公示");
        }
        List<Organization> options = new ArrayList<>();
        for (Organization root : organizations.roots(scope)) {
            if (scope.managesMembersAt(root.path().value())) {
                options.addAll(organizations.subtree(scope, root.id(), ORG_OPTIONS, 0));
            }
        }
        return options;
    }

    /** What the form shows under the dates: the last day, or why it cannot be computed yet. */
    record Period(LocalDate startsOn, Integer workingDays, LocalDate endsOn, String note) {

        static Period of(WorkingDays calendar, String startsOn, String workingDays) {
            LocalDate start;
            int days;
            try {
                start = LocalDate.parse(startsOn);
                days = Integer.parseInt(workingDays.strip());
            } catch (RuntimeException e) {
                return new Period(null, null, null, "填写开始日期和工作日数后显示结束日期");
            }
            if (start.getYear() < 2000 || start.getYear() > 2100) {
                return new Period(start, days, null, "开始日期不正确");
            }
            if (days < 1 || days > PublicityService.MAX_WORKING_DAYS) {
                return new Period(start, days, null, "公示期应为1至" + PublicityService.MAX_WORKING_DAYS + "个工作日");
            }
            LocalDate end = calendar.lastDayOfPeriod(start, days);
            String note = null;
            for (int y = start.getYear(); y <= end.getYear(); y++) {
                if (!calendar.knowsYear(y)) {
                    note = y + "年的节假日安排尚未录入，暂按周一至周五计算工作日";
                }
            }
            return new Period(start, days, end, note);
        }
    }
}
