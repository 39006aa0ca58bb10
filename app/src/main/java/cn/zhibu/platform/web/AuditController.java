package cn.zhibu.platform.web;

import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Downloads;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.Pager;
import cn.zhibu.platform.audit.AuditReading;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.ShortText;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The audit log for administrators, within their scope, in Chinese, filtered and exported; and the chain check. */
@Controller
class AuditController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final AuditReading reading;
    private final AuditLog audit;

    AuditController(AuditReading reading, AuditLog audit) {
        this.reading = reading;
        this.audit = audit;
    }

    @GetMapping("/audit")
    String page(DataScope scope, @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) @ShortText("对象类型") String type,
                @RequestParam(required = false) @ShortText("操作") String action,
                @RequestParam(required = false) @ShortText("操作人编号") String actorId,
                @RequestParam(required = false) @NameText("操作人") String actor,
                @RequestParam(required = false) @ShortText("开始日期") String from,
                @RequestParam(required = false) @ShortText("结束日期") String to,
                Model model, HttpServletResponse response) {
        AuditReading.requireReader(scope);
        AuditQuery query = new AuditQuery(type, action, actorId, actor, from, to);
        model.addAttribute("query", query);
        model.addAttribute("base", "/audit?" + query.queryString());
        model.addAttribute("actionGroups", reading.actionGroups());
        model.addAttribute("subjects", reading.subjects());
        model.addAttribute("canVerify", scope.all());
        model.addAttribute("maxExport", reading.maxExport());
        try {
            AuditReading.AuditPage result = reading.page(scope, query.filter(), page);
            model.addAttribute("entries", result.items());
            model.addAttribute("total", result.total());
            model.addAttribute("pager", new Pager(page, (int) ((result.total() + result.size() - 1) / result.size()),
                    result.total()));
            model.addAttribute("errors", Map.of());
        } catch (InvalidInputException e) {
            // the filter form again, with what is wrong under its field
            response.setStatus(400);
            model.addAttribute("entries", List.of());
            model.addAttribute("total", 0L);
            model.addAttribute("pager", new Pager(0, 0, 0));
            model.addAttribute("errors", e.fieldErrors());
        }
        return "platform/audit";
    }

    @PostMapping("/audit/export")
    ResponseEntity<byte[]> export(DataScope scope,
                                  @RequestParam(required = false) @ShortText("对象类型") String type,
                                  @RequestParam(required = false) @ShortText("操作") String action,
                                  @RequestParam(required = false) @ShortText("操作人编号") String actorId,
                                  @RequestParam(required = false) @NameText("操作人") String actor,
                                  @RequestParam(required = false) @ShortText("开始日期") String from,
                                  @RequestParam(required = false) @ShortText("结束日期") String to) {
        byte[] file = reading.export(scope, new AuditQuery(type, action, actorId, actor, from, to).filter());
        return Downloads.attachment("审计日志-" + LocalDate.now() + ".xlsx", XLSX, file);
    }

    @PostMapping("/audit/verify")
    String verify(DataScope scope, Model model) {
        if (!scope.all()) {
            throw new ForbiddenException("只有系统管理员可以校验整条审计链");
        }
        model.addAttribute("check", audit.verify());
        return "platform/audit :: verify";
    }
}
