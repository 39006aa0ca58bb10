package cn.zhibu.learning.points.web;

import cn.zhibu.learning.points.PointsCategory;
import cn.zhibu.learning.points.PointsEntry;
import cn.zhibu.learning.points.PointsService;
import cn.zhibu.learning.points.PointsYear;
import cn.zhibu.member.MembershipService;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.Confirmation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.input.NoteText;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/**
 * 党员积分 in the browser (RULES.md L1): the member's own year (each category against the scheme's maximum, every
 * entry with its reason), a secretary's page for a member of their subtree (deduct 基础分 or give 奖励分 with a
 * reason, reverse a mistaken one after confirming), the members of an organization to pick from, and the leaderboard's
 * address, which says plainly when leaderboards are off. Every scope check is {@link PointsService}'s.
 */
@Controller
class PointsPageController {

    private final PointsService points;
    private final OrganizationService organizations;
    private final MembershipService membership;

    PointsPageController(PointsService points, OrganizationService organizations, MembershipService membership) {
        this.points = points;
        this.organizations = organizations;
        this.membership = membership;
    }

    @GetMapping("/learning/points")
    String mine(DataScope scope, @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("y", points.mine(scope, year(year)));
        model.addAttribute("manager", false);
        return "learning/points/year";
    }

    @GetMapping("/learning/points/org/{orgId}")
    String org(DataScope scope, @PathVariable long orgId, Model model) {
        Organization org = organizations.getManaged(scope, orgId);
        if (!scope.managesMembersAt(org.path().value())) {
            throw new NotFoundException("党组织不存在或不在您的管理范围内");
        }
        model.addAttribute("org", org);
        model.addAttribute("roll", membership.roll(scope, orgId, points.today()));
        model.addAttribute("leaderboardsOn", points.leaderboardsOn());
        return "learning/points/org";
    }

    @GetMapping("/learning/points/members/{memberId}")
    String member(DataScope scope, @PathVariable long memberId, @RequestParam(required = false) Integer year,
                  Model model) {
        if (scope.selfMemberId() != null && scope.selfMemberId() == memberId) {
            return "redirect:/learning/points";
        }
        return member(scope, memberId, year(year), model, null, Map.of());
    }

    /** A deduction ({@code kind=BASE}) or a reward ({@code kind=REWARD}), with its reason. */
    @PostMapping("/learning/points/members/{memberId}/entries")
    String adjust(DataScope scope, @PathVariable long memberId, @RequestParam(required = false) PointsCategory kind,
                  @RequestParam(required = false) Integer points,
                  @RequestParam(required = false) @NoteText("理由") String reason, Model model,
                  RedirectAttributes redirect) {
        try {
            PointsEntry e = kind == PointsCategory.REWARD ? this.points.reward(scope, memberId, points, reason)
                    : kind == PointsCategory.BASE ? this.points.deduct(scope, memberId, points, reason)
                    : rejectKind();
            redirect.addFlashAttribute("notice", (kind == PointsCategory.BASE ? "已扣减基础分 " : "已给予奖励分 ")
                    + Math.abs(e.points()) + " 分");
            return "redirect:/learning/points/members/" + memberId + "#entries";
        } catch (InvalidInputException e) {
            return member(scope, memberId, this.points.today().getYear(), model,
                    new AdjustForm(kind, points, reason), e.fieldErrors());
        }
    }

    /** Reversing one of the secretary's entries: the reason, then a confirmation, then the reversing row. */
    @GetMapping("/learning/points/members/{memberId}/entries/{entryId}/reverse")
    String reverseForm(DataScope scope, @PathVariable long memberId, @PathVariable long entryId, Model model) {
        return reverseForm(model, entry(scope, memberId, entryId, model), null, Map.of());
    }

    @PostMapping("/learning/points/members/{memberId}/entries/{entryId}/reverse")
    String reverse(DataScope scope, @PathVariable long memberId, @PathVariable long entryId,
                   @RequestParam(required = false) @NoteText("理由") String reason, HttpServletRequest request,
                   Model model, RedirectAttributes redirect) {
        PointsEntry entry = entry(scope, memberId, entryId, model);
        if (Confirmation.revising(request)) {
            return reverseForm(model, entry, reason, Map.of());
        }
        if (reason == null || reason.isBlank()) {
            return reverseForm(model, entry, reason, Map.of("reason", "请填写冲正的理由"));
        }
        if (!Confirmation.confirmed(request)) {
            PointsYear y = (PointsYear) model.getAttribute("y");
            return Confirmation.of(request, "冲正积分记录", "确定冲正这条记录吗？原记录保留，另记一条相反的记录。",
                    List.of(Confirmation.line("党员", y.memberName()), Confirmation.line("原记录", entry.categoryLabel() + " "
                            + signed(entry.points()) + " 分：" + entry.reason()), Confirmation.line("冲正理由", reason)),
                    List.of()).show(model);
        }
        try {
            points.reverse(scope, entryId, reason);
            redirect.addFlashAttribute("notice", "已冲正该记录");
        } catch (InvalidInputException e) {
            return reverseForm(model, entry, reason, e.fieldErrors().isEmpty() ? Map.of("reason", e.getMessage())
                    : e.fieldErrors());
        }
        return "redirect:/learning/points/members/" + memberId + "#entries";
    }

    /** The entry, among the member's entries of this year the caller may read (404 otherwise). */
    private PointsEntry entry(DataScope scope, long memberId, long entryId, Model model) {
        if (scope.selfMemberId() != null && scope.selfMemberId() == memberId) {
            throw new NotFoundException("积分记录不存在或不在您的管理范围内"); // one's own entries are not one's to reverse
        }
        PointsYear y = points.of(scope, memberId, points.today().getYear());
        model.addAttribute("y", y);
        return y.entries().stream().filter(e -> e.id() == entryId && e.manual() && !e.reversed() && e.reverses() == null)
                .findFirst().orElseThrow(() -> new NotFoundException("积分记录不存在、已冲正或不能冲正"));
    }

    private String reverseForm(Model model, PointsEntry entry, String reason, Map<String, String> errors) {
        model.addAttribute("entry", entry);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "learning/points/reverse";
    }

    @GetMapping("/learning/points/leaderboard")
    String leaderboard(DataScope scope, @RequestParam(required = false) Long orgId,
                       @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("off", !points.leaderboardsOn());
        model.addAttribute("offMessage", PointsService.LEADERBOARDS_OFF);
        model.addAttribute("year", year(year));
        if (points.leaderboardsOn() && orgId != null) {
            try {
                model.addAttribute("org", organizations.get(scope, orgId));
                model.addAttribute("standings", points.leaderboard(scope, orgId, year(year)));
            } catch (ForbiddenException e) {
                throw new NotFoundException("党组织不存在或不在您的查看范围内");
            }
        }
        return "learning/points/leaderboard";
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    record AdjustForm(PointsCategory kind, Integer points, String reason) {
    }

    private String member(DataScope scope, long memberId, int year, Model model, AdjustForm form,
                          Map<String, String> errors) {
        PointsYear y = points.of(scope, memberId, year);
        model.addAttribute("y", y);
        model.addAttribute("manager", true);
        model.addAttribute("form", form == null ? new AdjustForm(PointsCategory.BASE, null, null) : form);
        model.addAttribute("errors", errors);
        model.addAttribute("current", year == points.today().getYear());
        return "learning/points/year";
    }

    private int year(Integer year) {
        return year == null ? points.today().getYear() : year;
    }

    private static PointsEntry rejectKind() {
        throw InvalidInputException.of("kind", "请选择扣减基础分或给予奖励分");
    }

    private static String signed(int points) {
        return points > 0 ? "+" + points : Integer.toString(points);
    }
}
