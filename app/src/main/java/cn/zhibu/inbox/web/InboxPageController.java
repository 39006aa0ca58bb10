package cn.zhibu.inbox.web;

import cn.zhibu.inbox.InboxService;
import cn.zhibu.inbox.InboxView;
import cn.zhibu.platform.DataScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The inbox as every user's first page, the navigation's badge, and the way to one's own record. */
@Controller
class InboxPageController {

    static final int PAGE_SIZE = 20;

    private final InboxService inbox;

    InboxPageController(InboxService inbox) {
        this.inbox = inbox;
    }

    /** The first page. {@code /?org=} was the dashboard's address: such links still reach it. */
    @GetMapping("/")
    String home(DataScope scope, @RequestParam(required = false) Long org, Model model) {
        if (org != null) {
            return "redirect:/dashboard?org=" + org;
        }
        return show(scope, null, false, 0, model);
    }

    /** The inbox of one organization's subtree (drilled into from the counts), or only what the caller must do. */
    @GetMapping("/inbox")
    String inbox(DataScope scope, @RequestParam(required = false) Long org,
                 @RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "0") int page,
                 Model model) {
        return show(scope, org, mine, page, model);
    }

    /** The navigation's badge, loaded after the page so that no page waits for the count. */
    @GetMapping("/inbox/badge")
    String badge(DataScope scope, Model model) {
        model.addAttribute("count", inbox.count(scope));
        return "inbox/badge :: badge";
    }

    /** 我的信息: the caller's own member record. */
    @GetMapping("/me")
    String me(DataScope scope) {
        return scope.selfMemberId() == null ? "member/none" : "redirect:/members/" + scope.selfMemberId();
    }

    private String show(DataScope scope, Long org, boolean mine, int page, Model model) {
        InboxView view = inbox.view(scope, org, mine, page, PAGE_SIZE);
        model.addAttribute("inbox", view);
        model.addAttribute("pager", new cn.zhibu.platform.Pager(view.page(), view.totalPages(), view.total()));
        model.addAttribute("baseUrl", "/inbox?" + (view.org() == null ? "" : "org=" + view.org().id() + "&")
                + (mine ? "mine=true&" : ""));
        model.addAttribute("self", scope.selfMemberId() != null);
        return "inbox/inbox";
    }
}
