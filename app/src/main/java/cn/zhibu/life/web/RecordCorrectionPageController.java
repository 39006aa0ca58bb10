package cn.zhibu.life.web;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.MeetingRecord;
import cn.zhibu.life.RecordService;
import cn.zhibu.life.MeetingStatus;
import cn.zhibu.life.RecordAmendment;
import cn.zhibu.life.RecordAmendments;
import cn.zhibu.life.RecordCorrection;
import cn.zhibu.life.RecordFile;
import cn.zhibu.life.RecordFiles;
import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Downloads;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.input.InputValidator;
import cn.zhibu.platform.input.NoteText;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Corrections (更正) of a confirmed record and their history, and the record's files, in the browser. */
@Controller
class RecordCorrectionPageController {

    private final RecordService records;
    private final RecordAmendments amendments;
    private final RecordFiles files;
    private final InputValidator input;

    RecordCorrectionPageController(RecordService records, RecordAmendments amendments, RecordFiles files,
                                   InputValidator input) {
        this.records = records;
        this.amendments = amendments;
        this.files = files;
        this.input = input;
    }

    @GetMapping("/life/meetings/{id}/record/amend")
    String amendForm(DataScope scope, @PathVariable long id, Model model) {
        MeetingRecord r = amendable(scope, id);
        return amendPage(r, RecordPageController.formOf(r), Map.of(), model);
    }

    @PostMapping("/life/meetings/{id}/record/amendments")
    String amend(DataScope scope, @PathVariable long id, @ModelAttribute RecordPageForm form, BindingResult binding,
                 Model model, RedirectAttributes redirect) {
        try {
            BindingProblems.throwIfAny(binding);
            RecordAmendment amendment = form.toAmendment();
            input.check(amendment);
            RecordCorrection done = amendments.amend(scope, id, amendment);
            redirect.addFlashAttribute("notice", "已更正" + done.changes().stream().map(RecordCorrection.CorrectedField::label)
                    .reduce((a, b) -> a + "、" + b).orElse("") + "，原记录和更正理由见更正记录");
            return "redirect:/life/meetings/" + id + "/record";
        } catch (InvalidInputException e) {
            return amendPage(amendable(scope, id), form, e.fieldErrors(), model);
        }
    }

    /** Every correction with what it replaced; the first value of each field is the original record. */
    @GetMapping("/life/meetings/{id}/record/history")
    String history(DataScope scope, @PathVariable long id, Model model) {
        MeetingRecord r = records.read(scope, id);
        List<RecordCorrection> corrections = amendments.of(scope, id);
        model.addAttribute("r", r);
        model.addAttribute("corrections", corrections);
        model.addAttribute("original", original(corrections));
        return "life/record-history";
    }

    @PostMapping("/life/meetings/{id}/record/files")
    String attach(DataScope scope, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) @NoteText("理由") String reason, RedirectAttributes redirect)
            throws IOException {
        try {
            RecordFile f = files.attach(scope, id, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(), reason);
            redirect.addFlashAttribute("notice", "已上传“" + f.name() + "”");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("fileErrors", e.fieldErrors());
        }
        return "redirect:/life/meetings/" + id + "/record#files";
    }

    /** A file as a download; a photo (checked to be a JPEG or PNG by its content) may be shown in the page. */
    @GetMapping("/life/meetings/{id}/record/files/{fileId}")
    ResponseEntity<byte[]> download(DataScope scope, @PathVariable long id, @PathVariable long fileId,
                                    @RequestParam(defaultValue = "false") boolean inline) {
        RecordFiles.Content content = files.read(scope, id, fileId);
        if (inline && content.file().photo()) {
            return Downloads.inline(content.file().name(), MediaType.parseMediaType(content.file().contentType()),
                    content.bytes());
        }
        return FileResponses.of(content);
    }

    @PostMapping("/life/meetings/{id}/record/files/{fileId}/delete")
    String remove(DataScope scope, @PathVariable long id, @PathVariable long fileId, RedirectAttributes redirect) {
        try {
            files.remove(scope, id, fileId);
            redirect.addFlashAttribute("notice", "已删除附件");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("fileErrors", e.fieldErrors());
        }
        return "redirect:/life/meetings/" + id + "/record#files";
    }

    /** A confirmed record the caller may correct. */
    private MeetingRecord amendable(DataScope scope, long id) {
        MeetingRecord r = records.read(scope, id);
        if (!records.manages(scope, r)) {
            throw new ForbiddenException("只有党组织书记和组织管理员可以更正会议记录");
        }
        if (r.meeting().status() != MeetingStatus.CONFIRMED) {
            throw new ForbiddenException("会议记录尚未确认，请在会议记录页直接修改，无须更正");
        }
        return r;
    }

    private static String amendPage(MeetingRecord r, RecordPageForm form, Map<String, String> errors, Model model) {
        model.addAttribute("r", r);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kindOptions", List.of(MeetingKind.values()).stream()
                .filter(k -> k != MeetingKind.HEART_TALK).toList());
        return "life/record-amend";
    }

    /** Each corrected field as first recorded: the {@code before} of its first correction. */
    private static List<RecordCorrection.CorrectedField> original(List<RecordCorrection> corrections) {
        Map<String, RecordCorrection.CorrectedField> first = new LinkedHashMap<>();
        for (RecordCorrection c : corrections) {
            for (RecordCorrection.CorrectedField ch : c.changes()) {
                first.putIfAbsent(ch.field(), ch);
            }
        }
        return new ArrayList<>(first.values());
    }
}
