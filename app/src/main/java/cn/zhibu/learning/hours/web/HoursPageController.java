package cn.zhibu.learning.hours.web;

import cn.zhibu.learning.hours.ExternalTrainingForm;
import cn.zhibu.learning.hours.ExternalTrainings;
import cn.zhibu.learning.hours.MemberHours;
import cn.zhibu.learning.hours.Transcripts;
import cn.zhibu.member.Member;
import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Downloads;
import cn.zhibu.platform.InvalidInputException;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/** A member's 学时 page, the form recording a training from a certificate, the transcript and its public check. */
@Controller
class HoursPageController {

    private final MemberHours hours;
    private final ExternalTrainings external;
    private final Transcripts transcripts;
    private final Clock clock;

    HoursPageController(MemberHours hours, ExternalTrainings external, Transcripts transcripts, Clock clock) {
        this.hours = hours;
        this.external = external;
        this.transcripts = transcripts;
        this.clock = clock;
    }

    @GetMapping("/learning/hours")
    String hours(DataScope scope, @RequestParam(required = false) Integer year,
                 @RequestParam(required = false) Long member, Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        var h = hours.year(scope, member, y);
        model.addAttribute("h", h);
        model.addAttribute("mine", member == null || member.equals(scope.selfMemberId()));
        model.addAttribute("manages", member != null && canRecord(scope, member));
        model.addAttribute("thisYear", LocalDate.now(clock).getYear());
        return "learning/hours";
    }

    @GetMapping("/learning/hours/external/new")
    String newExternal(DataScope scope, @RequestParam long member, Model model) {
        Member m = external.recordable(scope, member);
        return form(model, m, new ExternalTrainingForm(m.id(), null, null, null, null, false, null, null), Map.of());
    }

    @PostMapping("/learning/hours/external")
    String recordExternal(DataScope scope, @Valid @ModelAttribute("form") ExternalTrainingForm form,
                          BindingResult binding, Model model, RedirectAttributes redirect) {
        Member m = external.recordable(scope, form.memberId());
        try {
            BindingProblems.throwIfAny(binding);
            var line = external.record(scope, form);
            redirect.addFlashAttribute("notice", "已为" + m.name() + "登记其他培训：" + line.label() + " "
                    + line.hours().toPlainString() + "学时");
            return "redirect:/learning/hours?member=" + m.id() + "&year=" + line.creditedOn().getYear();
        } catch (InvalidInputException e) {
            return form(model, m, form, e.fieldErrors());
        }
    }

    @GetMapping("/learning/transcript/{year}.pdf")
    ResponseEntity<byte[]> transcript(DataScope scope, @PathVariable int year,
                                      @RequestParam(required = false) Long member) {
        return Downloads.inline("学时证明-" + year + ".pdf", MediaType.APPLICATION_PDF,
                transcripts.issue(scope, member, year).pdf());
    }

    /** Anyone who scans a transcript's QR code. */
    @GetMapping("/verify/transcripts/{code}")
    String verify(@PathVariable String code, @RequestParam(required = false) String h, Model model) {
        model.addAttribute("check", transcripts.check(code, h));
        return "learning/transcript-check";
    }

    private boolean canRecord(DataScope scope, long member) {
        try {
            external.recordable(scope, member);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String form(Model model, Member m, ExternalTrainingForm form, Map<String, String> errors) {
        model.addAttribute("member", m);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "learning/external-form";
    }
}
