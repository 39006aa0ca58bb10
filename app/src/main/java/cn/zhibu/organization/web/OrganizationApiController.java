package cn.zhibu.organization.web;

import cn.zhibu.platform.CachedRead;
import cn.zhibu.organization.Committee;
import cn.zhibu.organization.CommitteePosition;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationForm;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/orgs")
@Tag(name = "党组织", description = "组织树、班子；均限于调用者的数据范围")
class OrganizationApiController {

    private final OrganizationService organizations;

    OrganizationApiController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    @Operation(summary = "浏览起点：调用者角色所在的组织（系统管理员为各顶级组织）；带 q 参数时按名称搜索")
    List<Organization> roots(DataScope scope, @RequestParam(required = false) @NameText("组织名称") String q) {
        return q == null || q.isBlank() ? organizations.roots(scope) : organizations.search(scope, q, 50);
    }

    @GetMapping("/{id}")
    @Operation(summary = "组织详情")
    Organization get(DataScope scope, @PathVariable long id) {
        return organizations.get(scope, id);
    }

    @GetMapping("/{id}/children")
    @CachedRead
    @Operation(summary = "下级组织（一层）")
    List<Organization> children(DataScope scope, @PathVariable long id,
                                @RequestParam(defaultValue = "false") boolean includeDissolved) {
        return organizations.children(scope, id, includeDissolved);
    }

    @GetMapping("/{id}/counts")
    @Operation(summary = "本组织及下级组织按类型的数量（来自汇总表）")
    Map<OrganizationType, Integer> counts(DataScope scope, @PathVariable long id) {
        return organizations.countsByType(scope, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "设立组织")
    Organization create(DataScope scope, @RequestBody OrganizationForm form) {
        return organizations.create(scope, form);
    }

    record OrganizationUpdate(int version, @Valid OrganizationForm organization) {
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改组织信息（需带上读取时的 version，防止覆盖他人的修改）")
    Organization update(DataScope scope, @PathVariable long id, @RequestBody OrganizationUpdate request) {
        if (request.organization() == null) {
            throw cn.zhibu.platform.InvalidInputException.of("organization", "缺少组织信息");
        }
        return organizations.update(scope, id, request.version(), request.organization());
    }

    record OrganizationMove(Long parentId) {
    }

    @PostMapping("/{id}/move")
    @Operation(summary = "调整隶属关系（整棵子树及其党员随之移动）")
    Organization move(DataScope scope, @PathVariable long id, @RequestBody OrganizationMove request) {
        if (request.parentId() == null) {
            throw cn.zhibu.platform.InvalidInputException.of("parentId", "请指定新的上级组织");
        }
        return organizations.move(scope, id, request.parentId());
    }

    record DissolveRequest(@SensibleDate("撤销日期") LocalDate dissolvedOn,
                           @NoteText("撤销原因") String reason) {
    }

    @PostMapping("/{id}/dissolve")
    @Operation(summary = "撤销组织（须无下级组织、无党员）")
    Organization dissolve(DataScope scope, @PathVariable long id, @RequestBody DissolveRequest request) {
        return organizations.dissolve(scope, id, request.dissolvedOn(), request.reason());
    }

    @GetMapping("/{id}/committee")
    @Operation(summary = "本届班子及任期")
    Committee committee(DataScope scope, @PathVariable long id) {
        return organizations.committee(scope, id);
    }

    record TermRequest(@SensibleDate("任期开始日期") LocalDate termStart,
                       @SensibleDate("任期届满日期") LocalDate termEnd) {
    }

    @PostMapping("/{id}/committee/term")
    @Operation(summary = "登记新一届班子任期（原任期归档）")
    Committee startTerm(DataScope scope, @PathVariable long id, @RequestBody TermRequest request) {
        return organizations.startTerm(scope, id, request.termStart(), request.termEnd());
    }

    record SeatRequest(CommitteePosition position, Long memberId, @NameText("姓名") String personName) {
    }

    @PostMapping("/{id}/committee/seats")
    @Operation(summary = "添加班子成员")
    Committee addSeat(DataScope scope, @PathVariable long id, @RequestBody SeatRequest request) {
        return organizations.addSeat(scope, id, request.position(), request.memberId(), request.personName());
    }

    @DeleteMapping("/{id}/committee/seats/{seatId}")
    @Operation(summary = "移除班子成员")
    Committee removeSeat(DataScope scope, @PathVariable long id, @PathVariable long seatId) {
        return organizations.removeSeat(scope, id, seatId);
    }
}
