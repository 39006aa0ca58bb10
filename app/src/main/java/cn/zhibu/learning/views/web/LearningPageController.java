package cn.zhibu.learning.views.web;

import cn.zhibu.learning.views.LearningReminderResult;
import cn.zhibu.learning.views.LearningReminders;
import cn.zhibu.learning.views.LearningRollup;
import cn.zhibu.learning.views.LearningViews;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Downloads;
import cn.zhibu.platform.input.ShortText;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * The 学习 pages of the views part: the landing by role (a member's own learning, phone first; the organizations a
 * manager manages), a branch's members behind with reminders, a committee's roll-up and its Excel export.
 */
@Controller
class LearningPageController {

    private final LearningViews views;
    private final LearningReminders reminders;
    private final OrganizationService organizations;

    LearningPageController(LearningViews views, LearningReminders reminders, OrganizationService organizations) {
        this.views = views;
        this.reminders = reminders;
        this.organizations = organizations;
    }

    @GetMapping("/learning")
    String landing(DataScope scope, Model model) {
        model.addAttribute("mine", scope.selfMemberId() == null ? null : views.mine(scope));
        List<Organization> roots = organizations.managedRoots(scope);
        model.addAttribute("roots", roots);
        model.addAttribute("year", views.today().getYear());
        model.addAttribute("links", LearningViews.links(views.today().getYear()));
        return "learning/index";
    }

    @GetMapping("/learning/branch/{orgId}")
    String branch(DataScope scope, @PathVariable long orgId,
                  @RequestParam(required = false) @ShortText("分页位置") String after, Model model) {
        model.addAttribute("page", views.behind(scope, orgId, after, LearningViews.PAGE));
        model.addAttribute("chain", organizations.ancestorsWithin(scope, organizations.getManaged(scope, orgId)));
        return "learning/branch";
    }

    @PostMapping("/learning/branch/{orgId}/reminders")
    String remind(DataScope scope, @PathVariable long orgId, @RequestParam(required = false) Long member,
                  RedirectAttributes redirect) {
        LearningReminderResult result = reminders.remind(scope, orgId, member);
        redirect.addFlashAttribute("notice", result.reminded() == 0
                ? "今天已经提醒过，未重复发送（每人每项每天提醒一次）。"
                : "已提醒" + result.reminded() + "名党员，提醒已进入其待办"
                        + (result.alreadyToday() > 0 ? "；" + result.alreadyToday() + "人今天已提醒过，未重复发送" : "") + "。");
        return "redirect:/learning/branch/" + orgId;
    }

    @GetMapping("/learning/rollup/{orgId}")
    String rollup(DataScope scope, @PathVariable long orgId, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) Long course, Model model) {
        LearningRollup rollup = views.rollup(scope, orgId, year == null ? views.today().getYear() : year, course);
        model.addAttribute("rollup", rollup);
        model.addAttribute("chain", organizations.ancestorsWithin(scope, organizations.getManaged(scope, orgId)));
        return "learning/rollup";
    }

    @GetMapping("/learning/rollup/{orgId}/export")
    ResponseEntity<byte[]> export(DataScope scope, @PathVariable long orgId,
                                  @RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) Long course) {
        LearningRollup rollup = views.rollup(scope, orgId, year == null ? views.today().getYear() : year, course);
        return Downloads.attachment(LearningRollupExport.fileName(rollup), LearningRollupExport.XLSX,
                LearningRollupExport.xlsx(rollup));
    }
}
