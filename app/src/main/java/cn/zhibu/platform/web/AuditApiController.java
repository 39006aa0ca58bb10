package cn.zhibu.platform.web;

import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.input.ShortText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "审计日志", description = "只追加、哈希链接的操作记录")
class AuditApiController {

    private static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    AuditApiController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "审计日志（限于调用者管理的组织范围）")
    Map<String, Object> api(DataScope scope, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(required = false) @ShortText("类型") String type) {
        AuditController.requireAdmin(scope);
        List<AuditLog.Entry> entries = audit.recent(scope, type, page, PAGE_SIZE);
        return Map.of("items", entries, "total", audit.count(scope, type), "page", page, "size", PAGE_SIZE);
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
