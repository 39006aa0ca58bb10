package cn.zhibu.life.compliance.web;

import cn.zhibu.platform.CachedRead;
import cn.zhibu.life.compliance.BehindList;
import cn.zhibu.life.compliance.ComplianceBehindPage;
import cn.zhibu.life.compliance.ComplianceExemption;
import cn.zhibu.life.compliance.ComplianceHeatMap;
import cn.zhibu.life.compliance.ComplianceViews;
import cn.zhibu.life.compliance.ComplianceYear;
import cn.zhibu.life.compliance.ExemptionForm;
import cn.zhibu.life.compliance.ExemptionService;
import cn.zhibu.life.compliance.OrganizationYears;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.input.ShortText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/life/compliance")
@Tag(name = "组织生活考核", description = "按《支部工作条例》检查三会一课、主题党日、组织生活会和民主评议党员的开展情况（RULES.md B6–B11），"
        + "按召开日期统计，补录同样计入并标注；某一期间须在其最后一天仍存在且存在满15天的组织才对该期间作要求；"
        + "上级党组织可以豁免。名单按组织顺序排列，不作排名")
class ComplianceApiController {

    private static final String ORG = "组织编号（须在您的管理范围内，否则404）";
    private static final String KIND = "会议类型：GENERAL_ASSEMBLY 支部党员大会、COMMITTEE 支委会、GROUP 党小组会、LECTURE 党课、"
            + "THEME_DAY 主题党日、LIFE_MEETING 组织生活会、APPRAISAL 民主评议党员；不填为全部要求";

    private final OrganizationYears years;
    private final ComplianceViews views;
    private final BehindList behind;
    private final ExemptionService exemptions;

    ComplianceApiController(OrganizationYears years, ComplianceViews views, BehindList behind,
                            ExemptionService exemptions) {
        this.years = years;
        this.views = views;
        this.behind = behind;
        this.exemptions = exemptions;
    }

    @GetMapping
    @Operation(summary = "组织一年的组织生活开展情况", description = "按月（主题党日、支委会）、季度（党员大会、党课）、年度（组织生活会、"
            + "民主评议党员、党委书记讲党课）列出每项要求在每个期间的状态（MET 已开展、EXEMPT 已豁免、OPEN 待开展、MISSED 未开展、"
            + "UPCOMING 未到期、NOT_APPLICABLE 不作要求）、参会率和补录次数；党支部同时列出所属党小组的党小组会；stillDue 为本月、"
            + "本季度、本年度尚未开展的要求及到期日")
    ComplianceYear year(DataScope scope, @Parameter(description = ORG) @RequestParam long org,
                        @Parameter(description = "年度，默认今年（2020年至明年）") @RequestParam(required = false) Integer year) {
        return years.year(scope, org, year);
    }

    @GetMapping("/heatmap")
    @CachedRead
    @Operation(summary = "下级组织开展情况热力图", description = "每行一个直属下级组织（total 为本组织），每格为该月到期的要求（季度要求在"
            + "季度最后一个月、年度要求在12月到期）已开展或已豁免的组织数、应开展的组织数和百分比（按其下全部组织统计），text 为文字说明")
    ComplianceHeatMap heatMap(DataScope scope, @Parameter(description = ORG) @RequestParam long org,
                              @Parameter(description = "年度，默认今年") @RequestParam(required = false) Integer year,
                              @Parameter(description = KIND) @RequestParam(required = false) @ShortText("类型") String kind) {
        return views.heatMap(scope, org, year, kind);
    }

    @GetMapping("/behind")
    @CachedRead
    @Operation(summary = "未按要求开展的组织", description = "某月到期的要求（或某一类型）尚未开展且未获豁免的组织，按组织顺序排列（不排名），"
            + "分页；total 为总数")
    ComplianceBehindPage behind(DataScope scope, @Parameter(description = ORG) @RequestParam long org,
                                @Parameter(description = "月份，如 2026-03，默认本月") @RequestParam(required = false)
                                @ShortText("月份") String month,
                                @Parameter(description = KIND) @RequestParam(required = false) @ShortText("类型") String kind,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return behind.page(scope, org, month, kind, page, size);
    }

    @GetMapping("/behind/export")
    @Operation(summary = "导出未按要求开展的组织（xlsx）", description = "至多 zhibu.life.compliance.export-max-rows 个组织（默认10000），"
            + "超过时400并提示缩小范围；导出记入审计日志")
    ResponseEntity<byte[]> export(DataScope scope, @Parameter(description = ORG) @RequestParam long org,
                                  @Parameter(description = "月份，如 2026-03，默认本月") @RequestParam(required = false)
                                  @ShortText("月份") String month,
                                  @Parameter(description = KIND) @RequestParam(required = false) @ShortText("类型") String kind) {
        return ComplianceFiles.xlsx(behind.export(scope, org, month, kind), "未按要求开展组织生活的组织");
    }

    @GetMapping("/exemptions")
    @Operation(summary = "组织及其下级在某年度的豁免", description = "期间晚的在前，至多500条")
    List<ComplianceExemption> exemptions(DataScope scope, @Parameter(description = ORG) @RequestParam long org,
                                         @Parameter(description = "年度，默认今年") @RequestParam(required = false) Integer year) {
        return exemptions.list(scope, org, year);
    }

    @PostMapping("/exemptions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "豁免（上级党组织）", description = "orgId 为被豁免的组织；period 为 2026-03、2026-Q1 或 2026；kind 不填为全部类型；"
            + "reason 必填。只有上级党组织的管理者可以豁免，本组织的书记或管理员不能豁免本组织（403）；期间完全落在豁免期间内的要求计为已豁免")
    ComplianceExemption grant(DataScope scope, @RequestBody ExemptionForm form) {
        return exemptions.grant(scope, form);
    }

    @DeleteMapping("/exemptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "撤销豁免（上级党组织）")
    void revoke(DataScope scope, @PathVariable long id) {
        exemptions.revoke(scope, id);
    }
}
