package cn.zhibu.member.web;

import cn.zhibu.member.ExportJob;
import cn.zhibu.member.RosterColumn;
import cn.zhibu.member.RosterExports;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Downloads;
import cn.zhibu.platform.ForbiddenException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** 花名册 export in the browser: a form, a progress page polled by htmx, the download ({@link RosterApiController}: the API). */
@Controller
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

    @GetMapping("/members/exports/{id}/file")
    ResponseEntity<Resource> file(DataScope scope, @PathVariable String id) {
        return download(exports, scope, id);
    }

    /** The finished export as a download (also for the API). */
    static ResponseEntity<Resource> download(RosterExports exports, DataScope scope, String id) {
        ExportJob job = exports.get(scope, id);
        return Downloads.attachment(job.fileName(), XLSX, new FileSystemResource(exports.file(scope, id)));
    }
}
