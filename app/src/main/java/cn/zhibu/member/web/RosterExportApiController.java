package cn.zhibu.member.web;

import cn.zhibu.member.ExportJob;
import cn.zhibu.member.RosterColumn;
import cn.zhibu.member.RosterExports;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 花名册 export through the API: start, poll and download on any node of the cluster. */
@RestController
@RequestMapping("/api/v1/member-exports")
@Tag(name = "花名册导出", description = "后台导出组织及其下级的党员花名册（.xlsx），可选列；身份证号、手机号按角色脱敏")
class RosterExportApiController {

    private final RosterExports exports;

    RosterExportApiController(RosterExports exports) {
        this.exports = exports;
    }

    record ExportRequest(Long orgId, List<RosterColumn> columns) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "开始导出花名册", description = "columns 省略则导出全部列；返回任务，轮询其状态，完成后下载（保留1小时）")
    ExportJob start(DataScope scope, @RequestBody ExportRequest request) {
        if (request.orgId() == null) {
            throw InvalidInputException.of("orgId", "请选择要导出的党组织");
        }
        return exports.start(scope, request.orgId(), request.columns());
    }

    @GetMapping("/{id}")
    @Operation(summary = "导出任务状态（进度、行数、用时）")
    ExportJob status(DataScope scope, @PathVariable String id) {
        return exports.get(scope, id);
    }

    @GetMapping("/{id}/file")
    @Operation(summary = "下载导出的花名册")
    ResponseEntity<Resource> file(DataScope scope, @PathVariable String id) {
        return XlsxResponses.of(exports.get(scope, id).fileName(), exports.file(scope, id));
    }
}
