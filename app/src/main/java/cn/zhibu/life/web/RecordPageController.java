package cn.zhibu.life.web;

import cn.zhibu.life.MeetingRecord;
import cn.zhibu.life.RecordService;
import cn.zhibu.life.Minutes;
import cn.zhibu.life.RecordForm;
import cn.zhibu.life.RollEntry;
import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.Confirmation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.input.InputValidator;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The record of a meeting in the browser: the form (minutes editor, resolutions, chair and minutes-taker, the roll with
 * its quorum) while the record can be saved, the record as read once confirmed or by an invitee, the confirmation,
 * and the read-only summary the meeting page includes.
 */
@Controller
class RecordPageController {

    private final RecordService records;
    private final InputValidator input;

    RecordPageController(RecordService records, InputValidator input) {
        this.records = records;
        this.input = input;
    }

    @GetMapping("/life/meetings/{id}/record")
    String show(DataScope scope, @PathVariable long id, Model model) {
        MeetingRecord r = records.read(scope, id);
        return page(scope, r, formOf(r), Map.of(), model);
    }

    @PostMapping("/life/meetings/{id}/record")
    String save(DataScope scope, @PathVariable long id, @ModelAttribute RecordPageForm form, BindingResult binding,
                Model model, RedirectAttributes redirect) {
        try {
            BindingProblems.throwIfAny(binding);
            RecordForm f = form.toForm();
            input.check(f);
            MeetingRecord saved = records.save(scope, id, f);
            redirect.addFlashAttribute("notice", "已保存会议记录" + (saved.meeting().late() ? "（补录）" : "")
                    + "。核对无误后请确认，确认后记录锁定。");
            return "redirect:/life/meetings/" + id + "/record";
        } catch (InvalidInputException e) {
            return page(scope, records.read(scope, id), form, e.fieldErrors(), model);
        }
    }

    /** Confirms the record after the user saw what will be locked (it cannot be undone). */
    @PostMapping("/life/meetings/{id}/record/confirm")
    String confirm(DataScope scope, @PathVariable long id, HttpServletRequest request, Model model,
                   RedirectAttributes redirect) {
        MeetingRecord r = records.read(scope, id);
        try {
            if (Confirmation.revising(request)) {
                return "redirect:/life/meetings/" + id + "/record";
            }
            if (!Confirmation.confirmed(request)) {
                records.refuseUnconfirmable(scope, r);
                return Confirmation.of(request, "确认会议记录", "确定确认“" + r.meeting().title() + "”的会议记录吗？"
                        + "确认后记录锁定，不能撤销；此后如有差错，只能办理更正（保留原记录和理由）。", summary(r), warnings(r))
                        .show(model);
            }
            records.confirm(scope, id);
            redirect.addFlashAttribute("notice", "已确认会议记录，记录已锁定");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("recordErrors", e.fieldErrors());
        }
        return "redirect:/life/meetings/" + id + "/record";
    }

    /** The record, read-only, for the meeting page (loaded there by htmx); an invitee learns it is not confirmed yet. */
    @GetMapping("/life/meetings/{id}/record/summary")
    String summary(DataScope scope, @PathVariable long id, Model model) {
        try {
            MeetingRecord r = records.read(scope, id);
            model.addAttribute("r", r);
            model.addAttribute("manages", records.manages(scope, r));
        } catch (NotFoundException notYet) {
            if (!records.invited(scope, id)) {
                throw notYet;
            }
            model.addAttribute("r", null);
        }
        return "life/record-view :: summary";
    }

    private String page(DataScope scope, MeetingRecord r, RecordPageForm form, Map<String, String> errors,
                        Model model) {
        boolean manages = records.manages(scope, r);
        model.addAttribute("r", r);
        model.addAttribute("manages", manages);
        model.addAttribute("editable", manages && records.editable(r));
        model.addAttribute("askLateReason", records.wouldBeLate(r));
        model.addAttribute("policy", records.lateRecording());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "life/record";
    }

    /** The form as the record stands (the roll as it is, those present checked). */
    static RecordPageForm formOf(MeetingRecord r) {
        Minutes m = r.minutes();
        List<Long> present = r.roll().stream().filter(RollEntry::present).map(RollEntry::memberId).toList();
        return new RecordPageForm(m == null ? null : m.html(), m == null ? null : String.join("\n", m.resolutions()),
                m == null ? null : m.chair(), m == null ? null : m.minutesTaker(), present, true, null,
                r.meeting().heldOn(), r.meeting().kinds(), null, null);
    }

    private static List<Confirmation.Line> summary(MeetingRecord r) {
        List<Confirmation.Line> lines = new ArrayList<>();
        lines.add(Confirmation.line("会议", r.meeting().title()));
        lines.add(Confirmation.line("类型", r.meeting().kindLabels()));
        lines.add(Confirmation.line("召开日期", r.meeting().heldOn()));
        lines.add(Confirmation.line("主持人", r.minutes() == null ? null : r.minutes().chair()));
        lines.add(Confirmation.line("记录人", r.minutes() == null ? null : r.minutes().minutesTaker()));
        lines.add(Confirmation.line("出席情况", r.attendance().summary()));
        lines.add(Confirmation.line("法定人数", r.quorum().label()));
        lines.add(Confirmation.line("决议", r.minutes() == null ? null : r.minutes().resolutions().size() + "条"));
        lines.add(Confirmation.line("附件", r.files().size() + "个"));
        return lines;
    }

    private static List<String> warnings(MeetingRecord r) {
        List<String> warnings = new ArrayList<>();
        if (r.quorum().lacking()) {
            warnings.add(r.quorum().explanation());
        }
        if (r.meeting().late()) {
            warnings.add("本次会议为补录（" + r.meeting().lateReason() + "）");
        }
        return warnings;
    }
}
