package cn.zhibu.learning.exam.web;

import cn.zhibu.learning.exam.BankImportReport;
import cn.zhibu.learning.exam.BankSheet;
import cn.zhibu.learning.exam.Question;
import cn.zhibu.learning.exam.QuestionBank;
import cn.zhibu.learning.exam.QuestionBanks;
import cn.zhibu.learning.exam.QuestionDraft;
import cn.zhibu.learning.exam.QuestionKind;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Downloads;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.ShortText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

@RestController
@RequestMapping("/api/v1/learning/banks")
@Tag(name = "学习教育·题库", description = "党组织的题库（本组织及下级的书记、组织管理员管理）：单选、多选、判断、填空四种题型，可从Excel导入（逐行报告）和导出")
class BankApiController {

    private final QuestionBanks banks;

    BankApiController(QuestionBanks banks) {
        this.banks = banks;
    }

    record BankRequest(Long orgId, @NameText("题库名称") String name, @NoteText("说明") String description) {
    }

    /** A question: options for choice questions; answer as letters (ACD), 正确/错误, or fill-in answers separated by |. */
    record QuestionRequest(QuestionKind kind, @ShortText("知识点") String topic, @NoteText("题干") String stem,
                           List<String> options, @ShortText("答案") String answer,
                           @NoteText("解析") String explanation, Integer score) {
        QuestionDraft draft() {
            return new QuestionDraft(kind, topic, stem, options, answer, explanation, score);
        }
    }

    @GetMapping
    @Operation(summary = "我管理范围内的题库")
    List<QuestionBank> list(DataScope scope, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size) {
        return banks.list(scope, page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建题库")
    QuestionBank create(DataScope scope, @Valid @RequestBody BankRequest request) {
        return banks.create(scope, request.orgId(), request.name(), request.description());
    }

    @GetMapping("/{id}")
    @Operation(summary = "题库详情")
    QuestionBank get(DataScope scope, @PathVariable long id) {
        return banks.get(scope, id);
    }

    @GetMapping("/{id}/questions")
    @Operation(summary = "题库中的试题（含答案，仅管理者）")
    List<Question> questions(DataScope scope, @PathVariable long id, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "100") int size) {
        return banks.questions(scope, id, page, size);
    }

    @PostMapping("/{id}/questions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "添加试题")
    Question add(DataScope scope, @PathVariable long id, @Valid @RequestBody QuestionRequest request) {
        return banks.add(scope, id, request.draft());
    }

    @DeleteMapping("/{id}/questions/{questionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除试题", description = "已抽到该题的答题记录保留该题")
    void retire(DataScope scope, @PathVariable long id, @PathVariable long questionId) {
        banks.retire(scope, id, questionId);
    }

    @PostMapping(value = "/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "从Excel导入试题", description = "按模板逐行检查；有错误的行时整个文件不导入并返回逐行报告，"
            + "onlyValidRows=true 时只导入正确的行")
    BankImportReport importSheet(DataScope scope, @PathVariable long id, @RequestPart(required = false) MultipartFile file,
                                 @RequestParam(defaultValue = "false") boolean onlyValidRows) {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "请选择要导入的 Excel 文件");
        }
        try (InputStream in = file.getInputStream()) {
            return banks.importSheet(scope, id, in, onlyValidRows);
        } catch (IOException e) {
            throw InvalidInputException.of("file", "上传的文件无法读取，请重试");
        }
    }

    @GetMapping(value = "/template.xlsx", produces = ExamPages.XLSX)
    @Operation(summary = "试题导入模板")
    ResponseEntity<byte[]> template() {
        return Downloads.attachment("试题导入模板.xlsx", MediaType.parseMediaType(ExamPages.XLSX), BankSheet.template());
    }

    @GetMapping(value = "/{id}/export.xlsx", produces = ExamPages.XLSX)
    @Operation(summary = "导出题库（与导入模板相同的格式）")
    ResponseEntity<byte[]> export(DataScope scope, @PathVariable long id) {
        QuestionBank bank = banks.get(scope, id);
        return Downloads.attachment(bank.name() + ".xlsx", MediaType.parseMediaType(ExamPages.XLSX),
                banks.export(scope, id));
    }
}
