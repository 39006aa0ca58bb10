package cn.zhibu.platform.web;

import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Downloads;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.audit.AuditReading;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.ShortText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Map;

@RestController
@Tag(name = "审计日志", description = "只追加、哈希链接的操作记录")
class AuditApiController {

    private final AuditReading reading;
    private final AuditLog audit;

    AuditApiController(AuditReading reading, AuditLog audit) {
        this.reading = reading;
        this.audit = audit;
    }

    /** What every list of entries is filtered by. */
    record Labels(Map<String, String> actions, Map<String, String> subjects) {
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "审计日志（限于调用者管理的组织范围），每页50条，含中文的操作、对象和逐项修改内容")
    AuditReading.AuditPage api(DataScope scope, @RequestParam(defaultValue = "0") int page,
                               @Parameter(description = "对象类型（entity_type），见 /api/v1/audit/labels")
                               @RequestParam(required = false) @ShortText("对象类型") String type,
                               @Parameter(description = "操作代码，如 党员.修改，见 /api/v1/audit/labels")
                               @RequestParam(required = false) @ShortText("操作") String action,
                               @Parameter(description = "操作人的用户编号")
                               @RequestParam(required = false) @ShortText("操作人编号") String actorId,
                               @Parameter(description = "操作人姓名（开头几个字即可）")
                               @RequestParam(required = false) @NameText("操作人") String actor,
                               @Parameter(description = "开始日期（含），yyyy-MM-dd")
                               @RequestParam(required = false) @ShortText("开始日期") String from,
                               @Parameter(description = "结束日期（含），yyyy-MM-dd")
                               @RequestParam(required = false) @ShortText("结束日期") String to) {
        return reading.page(scope, new AuditQuery(type, action, actorId, actor, from, to).filter(), page);
    }

    @GetMapping("/api/v1/audit/labels")
    @Operation(summary = "审计日志的操作和对象类型的中文名称（筛选用）")
    Labels labels(DataScope scope) {
        AuditReading.requireReader(scope);
        return new Labels(reading.actions(), reading.subjects());
    }

    @GetMapping("/api/v1/audit/export")
    @Operation(summary = "导出筛选出的审计日志（xlsx，至多 zhibu.audit.export-max-rows 条，默认10000；超过时400并提示缩小范围）")
    ResponseEntity<byte[]> export(DataScope scope,
                                  @RequestParam(required = false) @ShortText("对象类型") String type,
                                  @RequestParam(required = false) @ShortText("操作") String action,
                                  @RequestParam(required = false) @ShortText("操作人编号") String actorId,
                                  @RequestParam(required = false) @NameText("操作人") String actor,
                                  @RequestParam(required = false) @ShortText("开始日期") String from,
                                  @RequestParam(required = false) @ShortText("结束日期") String to) {
        byte[] file = reading.export(scope, new AuditQuery(type, action, actorId, actor, from, to).filter());
        return Downloads.attachment("审计日志-" + LocalDate.now() + ".xlsx", AuditController.XLSX, file);
    }

    @GetMapping("/api/v1/audit/verify")
    @Operation(summary = "校验审计日志哈希链（系统管理员）")
    AuditLog.ChainCheck apiVerify(DataScope scope) {
        if (!scope.all()) {
            throw new ForbiddenException("只有系统管理员可以校验整条审计链");
        }
        return audit.verify();
    }
}
