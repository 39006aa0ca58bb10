package cn.zhibu.identity.web;

import cn.zhibu.identity.UserAccounts;
import cn.zhibu.identity.ZhibuUser;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.input.ShortText;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 通知邮箱: every user sets the address their notifications (meeting invitations …) are e-mailed to, or none. */
@Controller
class EmailPageController {

    static final String PAGE = "/account/email";

    private final UserAccounts accounts;

    EmailPageController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(PAGE)
    String form(@AuthenticationPrincipal ZhibuUser user, Model model) {
        model.addAttribute("email", accounts.email(user.userId()));
        return "identity/email";
    }

    @PostMapping(PAGE)
    String change(@AuthenticationPrincipal ZhibuUser user,
                  @RequestParam(defaultValue = "") @ShortText("电子邮箱") String email, Model model,
                  RedirectAttributes redirect) {
        try {
            accounts.changeEmail(user.userId(), email);
        } catch (InvalidInputException e) {
            model.addAttribute("email", email);
            model.addAttribute("errors", e.fieldErrors());
            return "identity/email";
        }
        redirect.addFlashAttribute("notice", email.isBlank() ? "已删除通知邮箱，不再发送邮件通知。" : "通知邮箱已保存。");
        return "redirect:" + PAGE;
    }
}
