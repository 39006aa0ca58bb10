package cn.zhibu.member.web;

import cn.zhibu.member.ImportJob;
import cn.zhibu.member.RosterImports;
import cn.zhibu.member.RosterTemplate;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Member import from the .xlsx template: template download, upload, progress, per-row report; and the API. */
@Controller
@Tag(name = "党员导入", description = "按模板批量导入党员：逐行校验，有错误则不导入并给出错误报告，可明确选择只导入正确行")
class RosterImportController {

    private final RosterImports imports;

    RosterImportController(RosterImports imports) {
        this.imports = imports;
    }

    @GetMapping({"/members/import/template", "/api/v1/member-imports/template"})
    @Operation(summary = "下载导入模板")
    ResponseEntity<byte[]> template() {
        return xlsx("党员导入模板.xlsx", RosterTemplate.workbook());
    }

    @GetMapping("/members/import")
    String form(DataScope scope, Model model) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("您没有导入党员的权限");
        }
        model.addAttribute("errors", Map.of());
        return "member/import";
    }

    @PostMapping("/members/imports")
    String upload(DataScope scope, @RequestParam(required = false) MultipartFile file, Model model) {
        try {
            return "redirect:/members/imports/" + start(scope, file).id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            return "member/import";
        }
    }

    @GetMapping("/members/imports/{id}")
    String progress(DataScope scope, @PathVariable String id, Model model) {
        model.addAttribute("job", imports.get(scope, id));
        return "member/import-progress";
    }

    @GetMapping("/members/imports/{id}/progress")
    String progressFragment(DataScope scope, @PathVariable String id, Model model) {
        model.addAttribute("job", imports.get(scope, id));
        return "member/import-progress :: progress";
    }

    @PostMapping("/members/imports/{id}/valid-rows")
    String importValidRows(DataScope scope, @PathVariable String id) {
        return "redirect:/members/imports/" + imports.importValidRows(scope, id).id();
    }

    @GetMapping({"/members/imports/{id}/report", "/api/v1/member-imports/{id}/report"})
    @Operation(summary = "下载错误报告（行号、列、错误说明）")
    ResponseEntity<byte[]> report(DataScope scope, @PathVariable String id) {
        return xlsx("导入错误报告.xlsx", imports.report(scope, id));
    }

    @PostMapping(value = "/api/v1/member-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseBody
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "上传并导入（后台进行，轮询任务状态）")
    ImportJob uploadApi(DataScope scope, @RequestParam(required = false) MultipartFile file) {
        return start(scope, file);
    }

    @GetMapping("/api/v1/member-imports/{id}")
    @ResponseBody
    @Operation(summary = "导入任务状态：CHECKING、IMPORTING、DONE、REJECTED（有错误，未导入）、FAILED")
    ImportJob status(DataScope scope, @PathVariable String id) {
        return imports.get(scope, id);
    }

    @PostMapping("/api/v1/member-imports/{id}/valid-rows")
    @ResponseBody
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "只导入该文件中正确的行（须明确选择）")
    ImportJob importValidRowsApi(DataScope scope, @PathVariable String id) {
        return imports.importValidRows(scope, id);
    }

    private ImportJob start(DataScope scope, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "请选择要上传的 .xlsx 文件");
        }
        try {
            return imports.start(scope, file.getInputStream(), file.getOriginalFilename());
        } catch (IOException e) {
            throw InvalidInputException.of("file", "上传的文件无法读取，请重试");
        }
    }

    private static ResponseEntity<byte[]> xlsx(String name, byte[] body) {
        return ResponseEntity.ok().contentType(RosterExportController.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
