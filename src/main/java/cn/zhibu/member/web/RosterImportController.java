package cn.zhibu.member.web;

import cn.zhibu.member.ImportJob;
import cn.zhibu.member.RosterImports;
import cn.zhibu.member.RosterTemplate;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Downloads;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.Map;

/** Member import from the .xlsx template in the browser: template, upload, progress, report ({@link RosterApiController}: the API). */
@Controller
class RosterImportController {

    private final RosterImports imports;

    RosterImportController(RosterImports imports) {
        this.imports = imports;
    }

    @GetMapping("/members/import/template")
    ResponseEntity<byte[]> template() {
        return template(RosterTemplate.workbook());
    }

    static ResponseEntity<byte[]> template(byte[] workbook) {
        return Downloads.attachment("党员导入模板.xlsx", RosterExportController.XLSX, workbook);
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
            return "redirect:/members/imports/" + start(imports, scope, file).id();
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

    @GetMapping("/members/imports/{id}/report")
    ResponseEntity<byte[]> report(DataScope scope, @PathVariable String id) {
        return report(imports.report(scope, id));
    }

    static ResponseEntity<byte[]> report(byte[] workbook) {
        return Downloads.attachment("导入错误报告.xlsx", RosterExportController.XLSX, workbook);
    }

    /** Starts the import of an uploaded file (also for the API). */
    static ImportJob start(RosterImports imports, DataScope scope, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "请选择要上传的 .xlsx 文件");
        }
        try {
            return imports.start(scope, file.getInputStream(), file.getOriginalFilename());
        } catch (IOException e) {
            throw InvalidInputException.of("file", "上传的文件无法读取，请重试");
        }
    }
}
