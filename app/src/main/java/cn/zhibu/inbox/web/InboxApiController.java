package cn.zhibu.inbox.web;

import cn.zhibu.platform.CachedRead;
import cn.zhibu.inbox.InboxCount;
import cn.zhibu.inbox.InboxService;
import cn.zhibu.inbox.InboxView;
import cn.zhibu.platform.DataScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "我的待办", description = "各模块汇集的待办事项：最紧急的在前，含期限、依据条款和办理链接")
class InboxApiController {

    private final InboxService inbox;

    InboxApiController(InboxService inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/v1/inbox")
    @CachedRead
    @Operation(summary = "我的待办：组织（含下级）的待办事项、按下级组织的计数，分页；党员为本人的待办")
    InboxView inbox(DataScope scope,
                    @Parameter(description = "查看的组织（默认为本人任职的组织）") @RequestParam(required = false) Long orgId,
                    @Parameter(description = "只看需我办理的") @RequestParam(defaultValue = "false") boolean mine,
                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return inbox.view(scope, orgId, mine, page, size);
    }

    @GetMapping("/api/v1/inbox/count")
    @CachedRead
    @Operation(summary = "需我办理的事项数（导航徽标；达到上限时 capped 为 true）")
    InboxCount count(DataScope scope) {
        return inbox.count(scope);
    }
}
