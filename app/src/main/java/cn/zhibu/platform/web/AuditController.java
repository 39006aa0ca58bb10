package cn.zhibu.platform.web;

import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.Pager;
import cn.zhibu.platform.input.ShortText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;


/** The audit log for administrators, within their scope, and the chain check. */
@Controller
class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String page(DataScope scope, @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) @ShortText("类型") String type, Model model) {
        requireAdmin(scope);
        long total = audit.count(scope, type);
        model.addAttribute("entries", audit.recent(scope, type, page, PAGE_SIZE));
        model.addAttribute("pager", new Pager(page, (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE), total));
        model.addAttribute("type", type);
        model.addAttribute("canVerify", scope.all());
        return "platform/audit";
    }

    @PostMapping("/audit/verify")
    String verify(DataScope scope, Model model) {
        if (!scope.all()) {
            throw new ForbiddenException("只有系统管理员可以校验整条审计链");
        }
        model.addAttribute("check", audit.verify());
        return "platform/audit :: verify";
    }

    static void requireAdmin(DataScope scope) {
        if (!scope.all() && scope.orgAdminPaths().isEmpty()) {
            throw new ForbiddenException("只有系统管理员和组织管理员可以查看审计日志");
        }
    }
}
