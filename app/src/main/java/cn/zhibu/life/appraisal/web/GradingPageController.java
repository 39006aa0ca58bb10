package cn.zhibu.life.appraisal.web;

import cn.zhibu.life.appraisal.Appraisal;
import cn.zhibu.life.appraisal.AppraisalBallots;
import cn.zhibu.life.appraisal.AppraisalGrading;
import cn.zhibu.life.appraisal.AppraisalService;
import cn.zhibu.life.appraisal.Grade;
import cn.zhibu.life.appraisal.GradeQuota;
import cn.zhibu.life.appraisal.GradeSheet;
import cn.zhibu.life.appraisal.GradeTotals;
import cn.zhibu.life.appraisal.Participant;
import cn.zhibu.life.appraisal.ProposingBody;
import cn.zhibu.platform.Confirmation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.input.TextKind;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last step of P1 in the browser: the secretary records the grades proposed by the 支委会 or 党员大会, with the
 * 民主测评's totals beside each name and P2's quota above; the grades are confirmed before they complete the appraisal.
 */
@Controller
class GradingPageController {

    private static final String NOTE_FIELD = "note-";

    private final AppraisalService appraisals;
    private final AppraisalBallots ballots;
    private final AppraisalGrading grading;

    GradingPageController(AppraisalService appraisals, AppraisalBallots ballots, AppraisalGrading grading) {
        this.appraisals = appraisals;
        this.ballots = ballots;
        this.grading = grading;
    }

    @GetMapping("/life/appraisals/{id}/grades")
    String form(DataScope scope, @PathVariable long id, Model model) {
        return form(model, scope, managed(scope, id), new Posted(null, null, null, Map.of(), Map.of()), Map.of());
    }

    @PostMapping("/life/appraisals/{id}/grades")
    String record(DataScope scope, @PathVariable long id, HttpServletRequest request, Model model,
                  RedirectAttributes redirect) {
        Appraisal a = managed(scope, id);
        Posted posted = Posted.of(request);
        try {
            if (Confirmation.revising(request)) {
                return form(model, scope, a, posted, Map.of());
            }
            GradeSheet sheet = posted.sheet();
            if (!Confirmation.confirmed(request)) {
                grading.check(scope, id, sheet);
                List<Confirmation.Line> lines = new ArrayList<>();
                lines.add(Confirmation.line("提出评定意见", sheet.proposedBy() == null ? null : sheet.proposedBy().label()));
                lines.add(Confirmation.line("会议日期", sheet.heldOn()));
                List<Grade> given = new ArrayList<>();
                for (Participant p : appraisals.participants(scope, id)) {
                    Grade g = posted.grades().get(p.memberId());
                    if (g != null) {
                        given.add(g);
                        lines.add(Confirmation.line(p.name(), g.label()));
                    }
                }
                List<String> warnings = given.contains(Grade.UNQUALIFIED) ? List.of(GradeQuota.UNQUALIFIED_NOTE) : List.of();
                return Confirmation.of(request, "记录评定等次", "确定记录以下评定等次吗？记录后本年度民主评议即完成，不能再修改。",
                        lines, warnings).show(model);
            }
            Appraisal done = grading.record(scope, id, sheet);
            redirect.addFlashAttribute("notice", done.year() + "年度民主评议党员已完成，评定等次已记录");
            return "redirect:/life/appraisals/" + id;
        } catch (InvalidInputException e) {
            return form(model, scope, a, posted, e.fieldErrors());
        }
    }

    private Appraisal managed(DataScope scope, long id) {
        Appraisal a = appraisals.get(scope, id);
        if (!appraisals.manages(scope, a)) {
            throw new ForbiddenException("评定等次由党支部书记记录");
        }
        return a;
    }

    private String form(Model model, DataScope scope, Appraisal a, Posted posted, Map<String, String> errors) {
        model.addAttribute("a", a);
        model.addAttribute("participants", appraisals.participants(scope, a.id()));
        Map<Long, GradeTotals> totals = new HashMap<>();
        ballots.result(scope, a.id()).totals().forEach(t -> totals.put(t.memberId(), t));
        model.addAttribute("totals", totals);
        model.addAttribute("summary", grading.summary(scope, a.id()));
        model.addAttribute("bodies", ProposingBody.values());
        model.addAttribute("meetings", grading.meetingOptions(scope, a.id()));
        model.addAttribute("grades", Grade.values());
        model.addAttribute("posted", posted);
        model.addAttribute("errors", errors);
        model.addAttribute("maxExcellent", GradeQuota.maxExcellent(a.fullMembers()));
        model.addAttribute("unqualifiedNote", GradeQuota.UNQUALIFIED_NOTE);
        model.addAttribute("today", LocalDate.now());
        return "life/appraisal/grades";
    }

    /** The form as posted: grades as {@code g-<memberId>}, notes as {@code note-<memberId>}. */
    record Posted(ProposingBody proposedBy, String heldOn, String meetingId, Map<Long, Grade> grades,
                  Map<Long, String> notes) {

        static Posted of(HttpServletRequest request) {
            Map<Long, String> notes = new HashMap<>();
            for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
                if (e.getKey().startsWith(NOTE_FIELD) && e.getValue().length > 0 && !e.getValue()[0].isBlank()) {
                    try {
                        notes.put(Long.parseLong(e.getKey().substring(NOTE_FIELD.length())),
                                TextKind.normalize(e.getValue()[0]));
                    } catch (NumberFormatException ignored) {
                        // a field no form of ours posts: not a note of anyone
                    }
                }
            }
            String body = request.getParameter("proposedBy");
            ProposingBody proposedBy = null;
            if (body != null && !body.isBlank()) {
                try {
                    proposedBy = ProposingBody.valueOf(body.strip());
                } catch (IllegalArgumentException e) {
                    proposedBy = null;
                }
            }
            Map<Long, Grade> grades;
            try {
                grades = MemberAppraisalPageController.choices(request);
            } catch (InvalidInputException e) {
                grades = Map.of();
            }
            return new Posted(proposedBy, request.getParameter("heldOn"), request.getParameter("meetingId"), grades,
                    notes);
        }

        GradeSheet sheet() {
            LocalDate day = null;
            if (heldOn != null && !heldOn.isBlank()) {
                try {
                    day = LocalDate.parse(heldOn.strip());
                } catch (DateTimeParseException e) {
                    throw InvalidInputException.of("heldOn", "“" + heldOn.strip() + "”格式不正确，应为如 2026-12-20 的日期");
                }
            }
            Long meeting = null;
            if (meetingId != null && !meetingId.isBlank()) {
                try {
                    meeting = Long.parseLong(meetingId.strip());
                } catch (NumberFormatException e) {
                    throw InvalidInputException.of("meetingId", "会议编号应为数字");
                }
            }
            List<GradeSheet.Entry> entries = new ArrayList<>();
            grades.forEach((member, grade) -> entries.add(new GradeSheet.Entry(member, grade, notes.get(member))));
            return new GradeSheet(proposedBy, day, meeting, entries);
        }

        public Grade gradeOf(long memberId) {
            return grades.get(memberId);
        }

        public String noteOf(long memberId) {
            return notes.get(memberId);
        }
    }
}
