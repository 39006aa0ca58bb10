package cn.zhibu.member.web;

import cn.zhibu.member.ImportJob;
import cn.zhibu.member.RosterImports;
import cn.zhibu.member.RosterTemplate;
import cn.zhibu.platform.DataScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Member import through the API. The job is a row in the database: any node of the cluster answers its status and
 * report. The upload is checked at once: 413 (too large, or unpacks to too much), 415 (not an .xlsx), 400 (a cell
 * longer than any field).
 */
@RestController
@RequestMapping("/api/v1/member-imports")
@Tag(name = "党员导入", description = "按模板批量导入党员：逐行校验，有错误则不导入并给出错误报告，可明确选择只导入正确行")
class RosterImportApiController {

    private final RosterImports imports;

    RosterImportApiController(RosterImports imports) {
        this.imports = imports;
    }

    @GetMapping("/template")
    @Operation(summary = "下载导入模板")
    ResponseEntity<byte[]> template() {
        return XlsxResponses.of("党员导入模板.xlsx", RosterTemplate.workbook());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "上传并导入（后台进行，轮询任务状态）",
            description = "文件不超过50 MB、最多200000行、每格不超过2000字；过大413，非 .xlsx 415")
    ImportJob upload(DataScope scope, @RequestParam(required = false) MultipartFile file) {
        return RosterImportPageController.start(imports, scope, file);
    }

    @GetMapping("/{id}")
    @Operation(summary = "导入任务状态：CHECKING、IMPORTING、DONE、REJECTED（有错误，未导入）、FAILED")
    ImportJob status(DataScope scope, @PathVariable String id) {
        return imports.get(scope, id);
    }

    @GetMapping("/{id}/report")
    @Operation(summary = "下载错误报告（行号、列、错误说明；最多列出1000个，其后注明其余个数）")
    ResponseEntity<byte[]> report(DataScope scope, @PathVariable String id) {
        return XlsxResponses.of("导入错误报告.xlsx", imports.report(scope, id));
    }

    @PostMapping("/{id}/valid-rows")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "只导入该文件中正确的行（须明确选择）")
    ImportJob importValidRows(DataScope scope, @PathVariable String id) {
        return imports.importValidRows(scope, id);
    }
}
