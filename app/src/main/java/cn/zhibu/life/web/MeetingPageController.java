package cn.zhibu.life.web;

import cn.zhibu.life.Invitee;
import cn.zhibu.life.Meeting;
import cn.zhibu.life.MeetingAnswers;
import cn.zhibu.life.MeetingFilter;
import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.MeetingPage;
import cn.zhibu.life.MeetingService;
import cn.zhibu.life.MeetingStatus;
import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.Confirmation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.Pager;
import cn.zhibu.platform.input.NoteText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 组织生活 in the browser: the meetings of the caller's organizations (a member's: those they are invited to), the
 * schedule and edit form, and a meeting's page with its invitees, answers and leave requests. The meeting page leaves
 * room for the check-in panel and the record, which their parts include.
 */
@Controller
class MeetingPageController {

    private static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MeetingService meetings;
    private final MeetingAnswers answers;
    private final MeetingFormOptions options;

    MeetingPageController(MeetingService meetings, MeetingAnswers answers, MeetingFormOptions options) {
        this.meetings = meetings;
        this.answers = answers;
        this.options = options;
    }

    @GetMapping("/life")
    String list(DataScope scope, @RequestParam(required = false) Long orgId,
                @RequestParam(required = false) MeetingKind kind,
                @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
                @RequestParam(required = false) MeetingStatus status, @RequestParam(defaultValue = "0") int page,
                Model model) {
        MeetingPage result = meetings.list(scope, new MeetingFilter(orgId, kind, month, status), page, PAGE_SIZE);
        model.addAttribute("page", result);
        model.addAttribute("pager", new Pager(result.page(), result.totalPages(), result.total()));
        model.addAttribute("orgId", orgId);
        model.addAttribute("kind", kind);
        model.addAttribute("month", month);
        model.addAttribute("status", status);
        model.addAttribute("kinds", MeetingFormOptions.SCHEDULABLE);
        model.addAttribute("statuses", MeetingStatus.values());
        model.addAttribute("managing", scope.hasManagedScope());
        model.addAttribute("orgOptions", scope.hasManagedScope() ? options.organizations(scope) : List.of());
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/life").queryParamIfPresent("orgId", Optional.ofNullable(orgId))
                .queryParamIfPresent("kind", Optional.ofNullable(kind))
                .queryParamIfPresent("month", Optional.ofNullable(month))
                .queryParamIfPresent("status", Optional.ofNullable(status)).build().encode().toUriString()
                + (orgId == null && kind == null && month == null && status == null ? "?" : "&"));
        return "life/list";
    }

    @GetMapping("/life/meetings/new")
    String newForm(DataScope scope, @RequestParam(required = false) Long orgId, Model model) {
        Long chosen = options.preselected(scope, orgId);
        LocalDateTime start = LocalDate.now().plusDays(1).atTime(14, 30);
        return form(scope, model, MeetingForm.blank(chosen, start), null, Map.of());
    }

    /** The kinds the chosen organization may hold and the speakers to choose from, as the form changes (htmx). */
    @GetMapping("/life/meetings/parts")
    String parts(DataScope scope, @ModelAttribute("form") MeetingForm form, BindingResult ignored, Model model) {
        options.addParts(scope, model, form);
        model.addAttribute("errors", Map.of());
        return "life/form :: parts";
    }

    @PostMapping("/life/meetings")
    String schedule(DataScope scope, @Valid @ModelAttribute("form") MeetingForm form, BindingResult binding,
                    Model model, RedirectAttributes redirect) {
        try {
            BindingProblems.throwIfAny(binding);
            Meeting m = meetings.schedule(scope, form.draft());
            redirect.addFlashAttribute("notice", "已安排会议，已通知" + m.counts().invited() + "名参会人员");
            return "redirect:/life/meetings/" + m.id();
        } catch (InvalidInputException e) {
            return form(scope, model, form, null, e.fieldErrors());
        }
    }

    @GetMapping("/life/meetings/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        Meeting m = meetings.get(scope, id);
        boolean manages = meetings.manages(scope, m);
        Optional<Invitee> mine = meetings.invitation(scope, m);
        model.addAttribute("m", m);
        model.addAttribute("manages", manages);
        model.addAttribute("mine", mine.orElse(null));
        model.addAttribute("answerable", mine.isPresent() && m.planned() && !m.endedBy(LocalDateTime.now()));
        model.addAttribute("invitees", manages ? meetings.invitees(scope, id) : List.of());
        model.addAttribute("when", when(m));
        return "life/detail";
    }

    @GetMapping("/life/meetings/{id}/edit")
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        Meeting m = editable(scope, id);
        return form(scope, model, MeetingForm.of(m), m, Map.of());
    }

    @PostMapping("/life/meetings/{id}/edit")
    String edit(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("form") MeetingForm form,
                BindingResult binding, Model model, RedirectAttributes redirect) {
        Meeting m = editable(scope, id);
        try {
            BindingProblems.throwIfAny(binding);
            meetings.edit(scope, id, form.draft());
            redirect.addFlashAttribute("notice", "已修改会议安排");
            return "redirect:/life/meetings/" + id;
        } catch (InvalidInputException e) {
            return form(scope, model, form, m, e.fieldErrors());
        }
    }

    /** Cancels after the reason is checked and the cancellation confirmed ({@link Confirmation}). */
    @PostMapping("/life/meetings/{id}/cancel")
    String cancel(DataScope scope, @PathVariable long id,
                  @RequestParam(required = false) @NoteText("取消原因") String reason, HttpServletRequest request,
                  Model model, RedirectAttributes redirect) {
        try {
            if (Confirmation.revising(request)) {
                redirect.addFlashAttribute("cancelReason", reason);
                return "redirect:/life/meetings/" + id + "#cancel-form";
            }
            if (!Confirmation.confirmed(request)) {
                Meeting m = meetings.checkCancel(scope, id, reason);
                return Confirmation.of(request, "取消会议", "确定取消这次会议吗？取消后不能恢复，参会人员将收到取消通知。",
                        List.of(Confirmation.line("会议", m.title()), Confirmation.line("类型", m.kindLabels()),
                                Confirmation.line("时间", when(m)), Confirmation.line("参会人数", m.counts().invited()),
                                Confirmation.line("取消原因", reason)), List.of()).show(model);
            }
            meetings.cancel(scope, id, reason);
            redirect.addFlashAttribute("notice", "已取消会议");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("cancelErrors", e.fieldErrors());
            redirect.addFlashAttribute("cancelReason", reason);
        }
        return "redirect:/life/meetings/" + id;
    }

    @PostMapping("/life/meetings/{id}/confirm")
    String confirm(DataScope scope, @PathVariable long id, RedirectAttributes redirect) {
        try {
            answers.confirm(scope, id);
            redirect.addFlashAttribute("notice", "已确认参加");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("answerErrors", e.fieldErrors());
        }
        return "redirect:/life/meetings/" + id;
    }

    @PostMapping("/life/meetings/{id}/leave")
    String askLeave(DataScope scope, @PathVariable long id,
                    @RequestParam(required = false) @NoteText("请假事由") String reason, RedirectAttributes redirect) {
        try {
            answers.askLeave(scope, id, reason);
            redirect.addFlashAttribute("notice", "已提交请假，等待书记审批");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("answerErrors", e.fieldErrors());
            redirect.addFlashAttribute("leaveReason", reason);
        }
        return "redirect:/life/meetings/" + id;
    }

    @PostMapping("/life/meetings/{id}/invitees/{memberId}/leave")
    String decideLeave(DataScope scope, @PathVariable long id, @PathVariable long memberId,
                       @RequestParam(defaultValue = "false") boolean approve, RedirectAttributes redirect) {
        try {
            Invitee i = answers.decideLeave(scope, id, memberId, approve);
            redirect.addFlashAttribute("notice", (approve ? "已批准" : "未批准") + i.name() + "的请假");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("answerErrors", e.fieldErrors());
        }
        return "redirect:/life/meetings/" + id + "#invitees";
    }

    /** A meeting the caller may edit: 404 out of view, 403 for an invitee who does not manage it. */
    private Meeting editable(DataScope scope, long id) {
        Meeting m = meetings.get(scope, id);
        if (!meetings.manages(scope, m)) {
            throw new cn.zhibu.platform.ForbiddenException("只有召开会议的党组织（或其上级）的书记、组织管理员可以修改会议安排");
        }
        return m;
    }

    private String form(DataScope scope, Model model, MeetingForm form, Meeting editing, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        model.addAttribute("orgOptions", editing == null ? options.organizations(scope) : List.of());
        model.addAttribute("earliestDay", meetings.earliestDay());
        options.addParts(scope, model, form);
        return "life/form";
    }

    static String when(Meeting m) {
        String end = m.startsAt().toLocalDate().equals(m.endsAt().toLocalDate())
                ? m.endsAt().toLocalTime().toString() : WHEN.format(m.endsAt());
        return WHEN.format(m.startsAt()) + " 至 " + end;
    }
}
