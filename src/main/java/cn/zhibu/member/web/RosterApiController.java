package cn.zhibu.member.web;

import cn.zhibu.member.ExportJob;
import cn.zhibu.member.ImportJob;
import cn.zhibu.member.RosterColumn;
import cn.zhibu.member.RosterExports;
import cn.zhibu.member.RosterImports;
import cn.zhibu.member.RosterTemplate;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.util.List;

/**
 * 花名册 import and export through the API: the same services as the pages ({@link RosterImportController},
 * {@link RosterExportController}), as a {@code @RestController} so that its errors are problem documents.
 */
@RestController
@Tag(name = "花名册导入导出", description = "按模板批量导入党员：逐行校验，有错误则不导入并给出错误报告，可明确选择只导入正确行；"
        + "后台导出组织及其下级的党员花名册（.xlsx），可选列，身份证号、手机号按角色脱敏")
class RosterApiController {

    private final RosterImports imports;
    private final RosterExports exports;

    RosterApiController(RosterImports imports, RosterExports exports) {
        this.imports = imports;
        this.exports = exports;
    }

    @GetMapping("/api/v1/member-imports/template")
    @Operation(summary = "下载导入模板")
    ResponseEntity<byte[]> template() {
        return RosterImportController.template(RosterTemplate.workbook());
    }

    @PostMapping(value = "/api/v1/member-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "上传并导入（后台进行，轮询任务状态）")
    ImportJob upload(DataScope scope, @RequestParam(required = false) MultipartFile file) {
        return RosterImportController.start(imports, scope, file);
    }

    @GetMapping("/api/v1/member-imports/{id}")
    @Operation(summary = "导入任务状态：CHECKING、IMPORTING、DONE、REJECTED（有错误，未导入）、FAILED")
    ImportJob importStatus(DataScope scope, @PathVariable String id) {
        return imports.get(scope, id);
    }

    @PostMapping("/api/v1/member-imports/{id}/valid-rows")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "只导入该文件中正确的行（须明确选择）")
    ImportJob importValidRows(DataScope scope, @PathVariable String id) {
        return imports.importValidRows(scope, id);
    }

    @GetMapping("/api/v1/member-imports/{id}/report")
    @Operation(summary = "下载错误报告（行号、列、错误说明）")
    ResponseEntity<byte[]> report(DataScope scope, @PathVariable String id) {
        return RosterImportController.report(imports.report(scope, id));
    }

    record ExportRequest(Long orgId, List<RosterColumn> columns) {
    }

    @PostMapping("/api/v1/member-exports")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "开始导出花名册", description = "columns 省略则导出全部列；返回任务，轮询其状态，完成后下载")
    ExportJob startExport(DataScope scope, @RequestBody ExportRequest request) {
        if (request.orgId() == null) {
            throw InvalidInputException.of("orgId", "请选择要导出的党组织");
        }
        return exports.start(scope, request.orgId(), request.columns());
    }

    @GetMapping("/api/v1/member-exports/{id}")
    @Operation(summary = "导出任务状态（进度、行数、用时）")
    ExportJob exportStatus(DataScope scope, @PathVariable String id) {
        return exports.get(scope, id);
    }

    @GetMapping("/api/v1/member-exports/{id}/file")
    @Operation(summary = "下载导出的花名册")
    ResponseEntity<Resource> exportFile(DataScope scope, @PathVariable String id) {
        return RosterExportController.download(exports, scope, id);
    }
}
