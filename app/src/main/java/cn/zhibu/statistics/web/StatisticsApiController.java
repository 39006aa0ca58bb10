package cn.zhibu.statistics.web;

import cn.zhibu.platform.CachedRead;
import cn.zhibu.platform.DataScope;
import cn.zhibu.statistics.Dashboard;
import cn.zhibu.statistics.OrgCheck;
import cn.zhibu.statistics.StatisticsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "统计与提醒", description = "驾驶舱数据（来自实时汇总表）和组织设置规则提醒")
class StatisticsApiController {

    private final StatisticsService statistics;

    StatisticsApiController(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/v1/orgs/{id}/dashboard")
    @CachedRead
    @Operation(summary = "组织（含下级）的党员构成和组织数量")
    Dashboard dashboard(DataScope scope, @PathVariable long id) {
        return statistics.dashboard(scope, id);
    }

    @GetMapping("/api/v1/orgs/{id}/warnings")
    @Operation(summary = "本组织的规则提醒（B1、B3、B4、B5）")
    OrgCheck warnings(DataScope scope, @PathVariable long id) {
        return statistics.check(scope, id);
    }

    @GetMapping("/api/v1/orgs/{id}/todo")
    @Operation(summary = "待办：组织及其下级中有规则提醒的组织")
    List<OrgCheck> todo(DataScope scope, @PathVariable long id, @RequestParam(defaultValue = "200") int limit) {
        return statistics.todo(scope, id, Math.min(Math.max(limit, 1), 1000));
    }
}
