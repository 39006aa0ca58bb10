package cn.zhibu.member.web;

import cn.zhibu.member.ExportJob;
import cn.zhibu.member.RosterColumn;
import cn.zhibu.member.RosterExports;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.zhibu.platform.BackgroundJobs;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** 花名册 export: a form, a progress page polled by htmx, the download; and the same through the API. */
@Controller
@Tag(name = "花名册导出", description = "后台导出组织及其下级的党员花名册（.xlsx），可选列；身份证号、手机号按角色脱敏")
class RosterExportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RosterExports exports;
    private final OrgOptions orgOptions;

    RosterExportController(RosterExports exports, OrgOptions orgOptions) {
        this.exports = exports;
        this.orgOptions = orgOptions;
    }

    @GetMapping("/members/export")
    String form(DataScope scope, @RequestParam(required = false) Long orgId, Model model) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("您没有导出花名册的权限");
        }
        model.addAttribute("orgOptions", orgOptions.managed(scope));
        model.addAttribute("orgId", orgId);
        model.addAttribute("columns", RosterColumn.values());
        model.addAttribute("sensitiveShown", scope.seesSensitive());
        return "member/export";
    }

    @PostMapping("/members/exports")
    String start(DataScope scope, @RequestParam long orgId,
                 @RequestParam(required = false) List<RosterColumn> columns) {
        return "redirect:/members/exports/" + exports.start(scope, orgId, columns).id();
    }

    @GetMapping("/members/exports/{id}")
    String progress(DataScope scope, @PathVariable String id, Model model) {
        model.addAttribute("job", exports.get(scope, id));
        return "member/export-progress";
    }

    @GetMapping("/members/exports/{id}/progress")
    String progressFragment(DataScope scope, @PathVariable String id, Model model) {
        model.addAttribute("job", exports.get(scope, id));
        return "member/export-progress :: progress";
    }

    @GetMapping({"/members/exports/{id}/file", "/api/v1/member-exports/{id}/file"})
    @Operation(summary = "下载导出的花名册")
    ResponseEntity<Resource> file(DataScope scope, @PathVariable String id) {
        ExportJob job = exports.get(scope, id);
        BackgroundJobs.StoredFile file = exports.file(scope, id);
        // streamed from the database chunk by chunk, on whichever node the request reached
        return ResponseEntity.ok().contentType(XLSX).contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(job.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(file.content()));
    }

    record ExportRequest(Long orgId, List<RosterColumn> columns) {
    }

    @PostMapping("/api/v1/member-exports")
    @ResponseBody
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "开始导出花名册", description = "columns 省略则导出全部列；返回任务，轮询其状态，完成后下载")
    ExportJob startApi(DataScope scope, @RequestBody ExportRequest request) {
        if (request.orgId() == null) {
            throw cn.zhibu.platform.InvalidInputException.of("orgId", "请选择要导出的党组织");
        }
        return exports.start(scope, request.orgId(), request.columns());
    }

    @GetMapping("/api/v1/member-exports/{id}")
    @ResponseBody
    @Operation(summary = "导出任务状态（进度、行数、用时）")
    ExportJob status(DataScope scope, @PathVariable String id) {
        return exports.get(scope, id);
    }
}
