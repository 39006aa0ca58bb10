package cn.zhibu.life.web;

import cn.zhibu.life.MeetingStatus;
import cn.zhibu.life.checkin.Attendance;
import cn.zhibu.life.checkin.AttendanceRoll;
import cn.zhibu.life.checkin.AttendanceService;
import cn.zhibu.life.checkin.CheckinMeeting;
import cn.zhibu.life.checkin.CheckinPurpose;
import cn.zhibu.life.checkin.CheckinService;
import cn.zhibu.life.checkin.CheckinTimes;
import cn.zhibu.life.checkin.CheckinWindow;
import cn.zhibu.life.checkin.RollFilter;
import cn.zhibu.life.web.AttendanceForms.ByHandForm;
import cn.zhibu.life.web.AttendanceForms.MakeupForm;
import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.Confirmation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.Pager;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The roll of a meeting in the browser: the check-in panel (a fragment the meeting's page includes, and a page of its
 * own), and an invitee's page where the manager checks them in or out by hand (confirmed first: it cannot be undone)
 * or records their 补课.
 */
@Controller
class AttendancePageController {

    private static final int PAGE_SIZE = 50;

    private final AttendanceService attendance;
    private final CheckinService checkins;

    AttendancePageController(AttendanceService attendance, CheckinService checkins) {
        this.attendance = attendance;
        this.checkins = checkins;
    }

    @GetMapping("/life/meetings/{id}/attendance")
    String roll(DataScope scope, @PathVariable long id, @RequestParam(required = false) RollFilter filter,
                @RequestParam(defaultValue = "0") int page, Model model) {
        panelModel(scope, id, filter, page, model);
        return "life/checkin/attendance";
    }

    /**
     * The check-in panel alone, for the meeting's page: {@code <div hx-get="/life/meetings/{id}/attendance/panel"
     * hx-trigger="load" hx-swap="outerHTML"></div>}.
     */
    @GetMapping("/life/meetings/{id}/attendance/panel")
    String panel(DataScope scope, @PathVariable long id, @RequestParam(required = false) RollFilter filter,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        panelModel(scope, id, filter, page, model);
        return "life/checkin/panel :: panel";
    }

    private void panelModel(DataScope scope, long id, RollFilter filter, int page, Model model) {
        AttendanceRoll roll = attendance.roll(scope, id, filter, page, PAGE_SIZE);
        model.addAttribute("roll", roll);
        model.addAttribute("meeting", roll.meeting());
        model.addAttribute("filters", RollFilter.values());
        model.addAttribute("pager", new Pager(roll.page(), roll.totalPages(), roll.total()));
        model.addAttribute("baseUrl", "/life/meetings/" + id + "/attendance?filter=" + roll.filter() + "&");
        model.addAttribute("settings", attendance.settings());
    }

    @GetMapping("/life/meetings/{id}/attendance/{memberId}")
    String entry(DataScope scope, @PathVariable long id, @PathVariable long memberId, Model model) {
        return entryPage(scope, id, memberId, model, null, null, null, Map.of());
    }

    @PostMapping("/life/meetings/{id}/attendance/{memberId}/checkin")
    String checkIn(DataScope scope, @PathVariable long id, @PathVariable long memberId,
                   @Valid @ModelAttribute("handForm") ByHandForm form, BindingResult binding, HttpServletRequest request,
                   Model model, RedirectAttributes redirect) {
        return byHand(scope, id, memberId, CheckinPurpose.IN, form, binding, request, model, redirect);
    }

    @PostMapping("/life/meetings/{id}/attendance/{memberId}/checkout")
    String checkOut(DataScope scope, @PathVariable long id, @PathVariable long memberId,
                    @Valid @ModelAttribute("handForm") ByHandForm form, BindingResult binding, HttpServletRequest request,
                    Model model, RedirectAttributes redirect) {
        return byHand(scope, id, memberId, CheckinPurpose.OUT, form, binding, request, model, redirect);
    }

    private String byHand(DataScope scope, long id, long memberId, CheckinPurpose purpose, ByHandForm form,
                          BindingResult binding, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            BindingProblems.throwIfAny(binding);
            if (Confirmation.revising(request)) {
                return entryPage(scope, id, memberId, model, purpose, form, null, Map.of());
            }
            if (!Confirmation.confirmed(request)) {
                CheckinService.ByHand hand = checkins.previewByHand(scope, id, memberId, purpose, form.reason(),
                        form.instant());
                return Confirmation.of(request, "手工" + purpose.label(), "确定为 " + hand.before().memberName() + " 手工"
                                + purpose.label() + "吗？登记后不能撤销，并记入审计日志。",
                        List.of(Confirmation.line("会议", hand.meeting().title()),
                                Confirmation.line("党员", hand.before().memberName()),
                                Confirmation.line(purpose.label() + "时间", hand.atText()),
                                Confirmation.line("原因", hand.reason())), List.of()).show(model);
            }
            Attendance after = checkins.byHand(scope, id, memberId, purpose, form.reason(), form.instant());
            redirect.addFlashAttribute("notice", "已为 " + after.memberName() + " 手工" + purpose.label());
            return "redirect:/life/meetings/" + id + "/attendance";
        } catch (InvalidInputException e) {
            return entryPage(scope, id, memberId, model, purpose, form, null, e.fieldErrors());
        }
    }

    @PostMapping("/life/meetings/{id}/attendance/{memberId}/makeup")
    String makeup(DataScope scope, @PathVariable long id, @PathVariable long memberId,
                  @Valid @ModelAttribute("makeupForm") MakeupForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        try {
            BindingProblems.throwIfAny(binding);
            Attendance after = attendance.recordMakeup(scope, id, memberId, form.on(), form.note());
            redirect.addFlashAttribute("notice", "已登记 " + after.memberName() + " 的补课（" + after.makeupOn() + "）");
            return "redirect:/life/meetings/" + id + "/attendance";
        } catch (InvalidInputException e) {
            return entryPage(scope, id, memberId, model, null, null, form, e.fieldErrors());
        }
    }

    /**
     * An invitee's page: their entry and the forms that apply to it, with what was typed and the errors of the form
     * that was posted ({@code posted}: the purpose of a by-hand form, or null for 补课).
     */
    private String entryPage(DataScope scope, long id, long memberId, Model model, CheckinPurpose posted,
                             ByHandForm handForm, MakeupForm makeupForm, Map<String, String> errors) {
        Attendance entry = attendance.entry(scope, id, memberId);
        CheckinMeeting meeting = attendance.meeting(scope, id);
        Instant now = Instant.now();
        CheckinPurpose next = entry.checkedIn() ? CheckinPurpose.OUT : CheckinPurpose.IN;
        model.addAttribute("meeting", meeting);
        model.addAttribute("entry", entry);
        model.addAttribute("next", entry.checkedOut() ? null : next);
        model.addAttribute("open", meeting.status() == MeetingStatus.PLANNED || meeting.status() == MeetingStatus.HELD);
        model.addAttribute("handForm", handForm != null ? handForm
                : new ByHandForm(null, defaultTime(meeting, next, now)));
        model.addAttribute("makeupForm", makeupForm != null ? makeupForm
                : new MakeupForm(entry.makeupOn() != null ? entry.makeupOn() : LocalDate.now(CheckinTimes.zone()),
                entry.makeupNote()));
        model.addAttribute("started", !now.isBefore(meeting.startsAt()));
        model.addAttribute("handErrors", posted != null ? errors : Map.of());
        model.addAttribute("makeupErrors", posted == null ? errors : Map.of());
        return "life/checkin/entry";
    }

    /** The time the by-hand form offers: now while the window is open, else the meeting's start (or end for out). */
    private LocalDateTime defaultTime(CheckinMeeting meeting, CheckinPurpose purpose, Instant now) {
        CheckinWindow window = CheckinWindow.of(meeting, purpose, attendance.settings());
        Instant at = window.open(now) ? now : purpose == CheckinPurpose.IN ? meeting.startsAt() : meeting.endsAt();
        return LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MINUTES), CheckinTimes.zone());
    }
}
