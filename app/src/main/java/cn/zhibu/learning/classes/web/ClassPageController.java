package cn.zhibu.learning.classes.web;

import cn.zhibu.learning.LearningSettings;
import cn.zhibu.learning.classes.ClassOutcome;
import cn.zhibu.learning.classes.ClassPage;
import cn.zhibu.learning.classes.ClassService;
import cn.zhibu.learning.classes.ClassSession;
import cn.zhibu.learning.classes.Enrolment;
import cn.zhibu.learning.classes.SessionAttendance;
import cn.zhibu.learning.classes.TrainingClass;
import cn.zhibu.learning.classes.web.ClassPageForms.AttendanceForm;
import cn.zhibu.learning.classes.web.ClassPageForms.OpenForm;
import cn.zhibu.learning.classes.web.ClassPageForms.SessionForm;
import cn.zhibu.life.Meeting;
import cn.zhibu.life.MeetingFilter;
import cn.zhibu.life.MeetingService;
import cn.zhibu.member.RollMember;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.Confirmation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Pager;
import cn.zhibu.platform.PlatformClock;
import jakarta.servlet.http.HttpServletRequest;
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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 培训班 for its organizer (书记, 组织管理员): the list, opening a class, a class with its sessions and enrolment
 * (each member's completion against the allowed absence, RULES.md T2), and a session's attendance sheet with entry by
 * hand and the import of a life meeting's check-in. Thin: every rule and every scope check is {@link ClassService}'s.
 */
@Controller
class ClassPageController {

    private static final int PAGE_SIZE = 20;
    private static final int ORG_OPTIONS = 500;
    private static final int MEETING_OPTIONS = 100;
    /** Candidates shown at once on the enrolment form; a larger subtree is enrolled in parts. */
    static final int CANDIDATES_SHOWN = 300;

    private final ClassService classes;
    private final OrganizationService organizations;
    private final MeetingService meetings;
    private final LearningSettings learning;

    ClassPageController(ClassService classes, OrganizationService organizations, MeetingService meetings,
                        LearningSettings learning) {
        this.classes = classes;
        this.organizations = organizations;
        this.meetings = meetings;
        this.learning = learning;
    }

    @GetMapping("/learning/classes")
    String list(DataScope scope, @RequestParam(defaultValue = "0") int page, Model model) {
        if (!scope.hasManagedScope()) {
            return "redirect:/learning/classes/mine";
        }
        ClassPage result = classes.list(scope, page, PAGE_SIZE);
        model.addAttribute("page", result);
        model.addAttribute("pager", new Pager(result.page(), result.totalPages(), result.total()));
        model.addAttribute("isMember", scope.selfMemberId() != null);
        return "learning/classes/list";
    }

    @GetMapping("/learning/classes/new")
    String newForm(DataScope scope, Model model) {
        List<Organization> options = orgOptions(scope);
        return form(model, options, OpenForm.blank(options.size() == 1 ? options.get(0).id() : null, today()), Map.of());
    }

    @PostMapping("/learning/classes")
    String open(DataScope scope, @Valid @ModelAttribute("form") OpenForm form, BindingResult binding, Model model,
                RedirectAttributes redirect) {
        List<Organization> options = orgOptions(scope);
        try {
            BindingProblems.throwIfAny(binding);
            TrainingClass c = classes.open(scope, form.draft());
            redirect.addFlashAttribute("notice", "已开设培训班“" + c.title() + "”，请增加课次并报名学员");
            return "redirect:/learning/classes/" + c.id();
        } catch (InvalidInputException e) {
            return form(model, options, form, e.fieldErrors());
        }
    }

    @GetMapping("/learning/classes/{id}")
    String detail(DataScope scope, @PathVariable long id, Model model) {
        return detail(scope, id, model, SessionForm.blank(), Map.of(), Map.of());
    }

    @PostMapping("/learning/classes/{id}/sessions")
    String addSession(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("sessionForm") SessionForm form,
                      BindingResult binding, Model model, RedirectAttributes redirect) {
        try {
            BindingProblems.throwIfAny(binding);
            ClassSession s = classes.addSession(scope, id, form.draft());
            redirect.addFlashAttribute("notice", "已增加课次“" + s.title() + "”（" + s.whenText() + "，"
                    + s.hours().stripTrailingZeros().toPlainString() + "学时）");
            return "redirect:/learning/classes/" + id + "#sessions";
        } catch (InvalidInputException e) {
            return detail(scope, id, model, form, e.fieldErrors(), Map.of());
        }
    }

    @PostMapping("/learning/classes/{id}/enrolments")
    String enrol(DataScope scope, @PathVariable long id,
                 @RequestParam(name = "memberIds", required = false) List<Long> memberIds, Model model,
                 RedirectAttributes redirect) {
        try {
            List<Enrolment> added = classes.enrol(scope, id, memberIds == null ? List.of() : memberIds);
            redirect.addFlashAttribute("notice", added.isEmpty() ? "所选党员均已报名，未重复报名"
                    : "已报名" + added.size() + "人");
            return "redirect:/learning/classes/" + id + "#enrolments";
        } catch (InvalidInputException e) {
            return detail(scope, id, model, SessionForm.blank(), Map.of(), e.fieldErrors());
        }
    }

    /** Removing a member is confirmed first (only one with no attendance: the service refuses the others). */
    @PostMapping("/learning/classes/{id}/enrolments/{memberId}/remove")
    String unenrol(DataScope scope, @PathVariable long id, @PathVariable long memberId, HttpServletRequest request,
                   Model model, RedirectAttributes redirect) {
        TrainingClass c = classes.get(scope, id);
        Enrolment e = classes.enrolments(scope, id).stream().filter(x -> x.memberId() == memberId).findFirst()
                .orElseThrow(() -> new NotFoundException("该党员没有报名本培训班"));
        if (Confirmation.revising(request)) {
            return "redirect:/learning/classes/" + id + "#enrolments";
        }
        if (!Confirmation.confirmed(request)) {
            return Confirmation.of(request, "移除学员", "确定将" + e.memberName() + "移出培训班吗？",
                    List.of(Confirmation.line("培训班", c.title()), Confirmation.line("学员", e.memberName())),
                    List.of()).show(model);
        }
        try {
            classes.unenrol(scope, id, memberId);
            redirect.addFlashAttribute("notice", "已将" + e.memberName() + "移出培训班");
        } catch (InvalidInputException ex) {
            redirect.addFlashAttribute("notice", ex.getMessage());
        }
        return "redirect:/learning/classes/" + id + "#enrolments";
    }

    @GetMapping("/learning/classes/sessions/{sessionId}")
    String sheet(DataScope scope, @PathVariable long sessionId, Model model) {
        model.addAttribute("sheet", classes.sheet(scope, sessionId));
        return "learning/classes/sheet";
    }

    @PostMapping("/learning/classes/sessions/{sessionId}/import-meeting")
    String importMeeting(DataScope scope, @PathVariable long sessionId, RedirectAttributes redirect) {
        try {
            int changed = classes.importMeetingAttendance(scope, sessionId);
            redirect.addFlashAttribute("notice", changed == 0 ? "会议签到与签到表一致，没有需要导入的记录"
                    : "已从组织生活会议导入" + changed + "人的签到、签退");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("notice", e.getMessage());
        }
        return "redirect:/learning/classes/sessions/" + sessionId;
    }

    @GetMapping("/learning/classes/sessions/{sessionId}/attendance/{memberId}")
    String entry(DataScope scope, @PathVariable long sessionId, @PathVariable long memberId, Model model) {
        SessionAttendance row = row(scope, sessionId, memberId, model);
        return entryForm(model, new AttendanceForm(local(row.checkedInAt()), local(row.checkedOutAt()), null), Map.of());
    }

    @PostMapping("/learning/classes/sessions/{sessionId}/attendance/{memberId}")
    String byHand(DataScope scope, @PathVariable long sessionId, @PathVariable long memberId,
                  @Valid @ModelAttribute("form") AttendanceForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        SessionAttendance before = row(scope, sessionId, memberId, model);
        try {
            BindingProblems.throwIfAny(binding);
            SessionAttendance after = classes.byHand(scope, sessionId, memberId, form.checkedInAt(),
                    form.checkedOutAt(), form.reason());
            redirect.addFlashAttribute("notice", "已登记" + before.memberName() + "的出勤：" + after.stateLabel());
            return "redirect:/learning/classes/sessions/" + sessionId + "#attendance-" + memberId;
        } catch (InvalidInputException e) {
            return entryForm(model, form, e.fieldErrors());
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private SessionAttendance row(DataScope scope, long sessionId, long memberId, Model model) {
        ClassService.ClassSheet sheet = classes.sheet(scope, sessionId);
        SessionAttendance row = sheet.rows().stream().filter(r -> r.memberId() == memberId).findFirst()
                .orElseThrow(() -> new NotFoundException("该党员没有报名本培训班"));
        model.addAttribute("sheet", sheet);
        model.addAttribute("row", row);
        return row;
    }

    private String entryForm(Model model, AttendanceForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "learning/classes/entry";
    }

    private String detail(DataScope scope, long id, Model model, SessionForm sessionForm,
                          Map<String, String> sessionErrors, Map<String, String> enrolErrors) {
        TrainingClass c = classes.get(scope, id);
        List<Enrolment> enrolments = classes.enrolments(scope, id); // 404 for one enrolled but not managing
        model.addAttribute("c", c);
        model.addAttribute("sessions", classes.sessions(scope, id));
        model.addAttribute("rows", enrolments.stream().map(e -> EnrolmentRow.of(c, e, learning)).toList());
        List<RollMember> candidates = classes.candidates(scope, id);
        model.addAttribute("candidates", candidates.size() > CANDIDATES_SHOWN
                ? candidates.subList(0, CANDIDATES_SHOWN) : candidates);
        model.addAttribute("moreCandidates", Math.max(0, candidates.size() - CANDIDATES_SHOWN));
        model.addAttribute("meetingOptions", meetingOptions(scope, c));
        model.addAttribute("sessionForm", sessionForm);
        model.addAttribute("sessionErrors", sessionErrors);
        model.addAttribute("enrolErrors", enrolErrors);
        model.addAttribute("allowedShare", learning.classAbsenceNumerator() + "/" + learning.classAbsenceDenominator());
        model.addAttribute("settings", classes.settings());
        return "learning/classes/detail";
    }

    /** The life meetings a session may be held as: of the class's organization's subtree, within the class's days. */
    private List<Meeting> meetingOptions(DataScope scope, TrainingClass c) {
        try {
            return meetings.list(scope, new MeetingFilter(c.orgId(), null, null, null), 0, MEETING_OPTIONS).items()
                    .stream().filter(m -> !m.startsAt().toLocalDate().isBefore(c.startsOn())
                            && !m.startsAt().toLocalDate().isAfter(c.endsOn())).toList();
        } catch (NotFoundException | ForbiddenException e) {
            return List.of();
        }
    }

    private String form(Model model, List<Organization> options, OpenForm form, Map<String, String> errors) {
        model.addAttribute("orgOptions", options);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "learning/classes/form";
    }

    /** Organizations the caller may open a class for: the active ones of their managed subtrees, in tree order. */
    private List<Organization> orgOptions(DataScope scope) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("只有党组织书记和组织管理员可以开设培训班");
        }
        List<Organization> options = new ArrayList<>();
        for (Organization root : organizations.managedRoots(scope)) {
            options.addAll(organizations.subtree(scope, root.id(), ORG_OPTIONS, 0).stream()
                    .filter(Organization::active).toList());
        }
        return options;
    }

    private LocalDate today() {
        return LocalDate.now(PlatformClock.ZONE);
    }

    private static java.time.LocalDateTime local(java.time.Instant at) {
        return at == null ? null : java.time.LocalDateTime.ofInstant(at, PlatformClock.ZONE);
    }

    /** A member's completion as the organizer reads it: hours missed against the hours that may be missed. */
    record EnrolmentRow(Enrolment enrolment, BigDecimal missed, BigDecimal allowed, boolean completed) {

        static EnrolmentRow of(TrainingClass c, Enrolment e, LearningSettings settings) {
            ClassOutcome outcome = ClassOutcome.judge(c.totalHours(), e.attendedHours(), settings);
            BigDecimal allowed = c.totalHours().multiply(BigDecimal.valueOf(settings.classAbsenceNumerator()))
                    .divide(BigDecimal.valueOf(settings.classAbsenceDenominator()), 2, RoundingMode.DOWN);
            return new EnrolmentRow(e, outcome.missed(), allowed, e.completed());
        }
    }
}
