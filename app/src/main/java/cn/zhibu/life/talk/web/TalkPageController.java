package cn.zhibu.life.talk.web;

import cn.zhibu.life.roster.BranchRoster;
import cn.zhibu.life.roster.RosterMember;
import cn.zhibu.life.talk.TalkCoverageReader;
import cn.zhibu.life.talk.TalkDraft;
import cn.zhibu.life.talk.TalkPage;
import cn.zhibu.life.talk.TalkService;
import cn.zhibu.organization.Organization;
import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Pager;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 谈心谈话 in the browser: for those who manage a branch, its year's coverage of the three pairings, its talks and the
 * form to record one; for a member, the talks they were in and the form to record their own.
 */
@Controller
class TalkPageController {

    private static final int PAGE_SIZE = 20;
    private static final int ORG_OPTIONS = 500;

    private final TalkService talks;
    private final TalkCoverageReader coverage;
    private final BranchRoster roster;

    TalkPageController(TalkService talks, TalkCoverageReader coverage, BranchRoster roster) {
        this.talks = talks;
        this.coverage = coverage;
        this.roster = roster;
    }

    /** The record form as posted: fields may be missing, the service says which. */
    record TalkForm(Long orgId, Long memberId, Long otherId, @SensibleDate("谈话日期") LocalDate heldOn,
                    @ShortText("谈话主题") String topic, @NoteText("谈话情况") String note) {

        TalkDraft draft() {
            return new TalkDraft(orgId, memberId, otherId, heldOn, topic, note);
        }
    }

    @GetMapping("/life/talks")
    String page(DataScope scope, @RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
                @RequestParam(defaultValue = "0") int page, Model model) {
        return view(scope, orgId, year, page, model, null, Map.of());
    }

    @PostMapping("/life/talks")
    String record(DataScope scope, @Valid @ModelAttribute("form") TalkForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        try {
            BindingProblems.throwIfAny(binding);
            var talk = talks.record(scope, form.draft());
            redirect.addFlashAttribute("notice", "已记录" + talk.firstName() + "与" + talk.secondName() + "的谈心谈话");
            return "redirect:/life/talks?orgId=" + talk.orgId() + "&year=" + talk.heldOn().getYear();
        } catch (InvalidInputException e) {
            return view(scope, form.orgId(), null, 0, model, form, e.fieldErrors());
        }
    }

    @PostMapping("/life/talks/{id}/delete")
    String delete(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        var talk = talks.get(scope, id);
        talks.delete(scope, id);
        redirect.addFlashAttribute("notice", "已删除该谈心谈话记录");
        return "redirect:/life/talks?orgId=" + talk.orgId() + "&year=" + talk.heldOn().getYear();
    }

    private String view(DataScope scope, Long orgId, Integer year, int page, Model model, TalkForm form,
                        Map<String, String> errors) {
        int thisYear = LocalDate.now().getYear();
        int shownYear = year == null ? thisYear : year;
        List<Organization> branches = scope.hasManagedScope() ? roster.managedBranches(scope, ORG_OPTIONS) : List.of();
        Optional<Organization> own = roster.ownBranch(scope);
        Organization branch = chosen(orgId, branches, own);
        boolean manages = branch != null && scope.managesMembersAt(branch.path().value());
        TalkPage result = talks.list(scope, branch == null ? null : branch.id(), shownYear, page, PAGE_SIZE);
        List<RosterMember> partners = branch == null ? List.of() : talks.partners(scope, branch.id());
        model.addAttribute("branches", branches);
        model.addAttribute("branch", branch);
        model.addAttribute("manages", manages);
        model.addAttribute("year", shownYear);
        model.addAttribute("years", List.of(thisYear, thisYear - 1));
        model.addAttribute("page", result);
        model.addAttribute("pager", new Pager(result.page(), result.totalPages(), result.total()));
        model.addAttribute("baseUrl", "/life/talks?" + (branch == null ? "" : "orgId=" + branch.id() + "&")
                + "year=" + shownYear + "&");
        model.addAttribute("coverage", manages ? coverage.of(branch, shownYear) : null);
        model.addAttribute("partners", partners);
        model.addAttribute("self", scope.selfMemberId());
        model.addAttribute("actorId", scope.actorId());
        model.addAttribute("form", form != null ? form : new TalkForm(branch == null ? null : branch.id(),
                manages ? null : scope.selfMemberId(), null, LocalDate.now(), null, null));
        model.addAttribute("errors", errors);
        return "life/talk/list";
    }

    /** The branch shown: the one asked for (managed, or the caller's own), else the only or own one. */
    private static Organization chosen(Long orgId, List<Organization> branches, Optional<Organization> own) {
        if (orgId != null) {
            return branches.stream().filter(b -> b.id() == orgId).findFirst()
                    .or(() -> own.filter(b -> b.id() == orgId))
                    .orElseThrow(() -> new NotFoundException("党支部不存在或不在您的管理范围内"));
        }
        if (branches.size() == 1) {
            return branches.get(0);
        }
        return branches.isEmpty() ? own.orElse(null) : null;
    }
}
