package cn.zhibu.identity.web;

import cn.zhibu.identity.UserAccounts;
import cn.zhibu.identity.ZhibuUser;
import cn.zhibu.identity.internal.PasswordChangeGate;
import cn.zhibu.platform.InvalidInputException;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 修改密码: every user changes their own; a one-time password must be changed here before anything else. */
@Controller
class PasswordPageController {

    private final UserAccounts accounts;

    PasswordPageController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(PasswordChangeGate.PAGE)
    String form(@AuthenticationPrincipal ZhibuUser user, Model model) {
        model.addAttribute("required", accounts.mustChangePassword(user.userId()));
        return "identity/password";
    }

    @PostMapping(PasswordChangeGate.PAGE)
    String change(@AuthenticationPrincipal ZhibuUser user, @RequestParam(defaultValue = "") String currentPassword,
                  @RequestParam(defaultValue = "") String newPassword,
                  @RequestParam(defaultValue = "") String confirmPassword, HttpSession session, Model model,
                  RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw InvalidInputException.of("confirmPassword", "确认新密码：与新密码不一致");
            }
            accounts.changePassword(user, currentPassword, newPassword);
        } catch (InvalidInputException e) {
            model.addAttribute("required", accounts.mustChangePassword(user.userId()));
            model.addAttribute("errors", e.fieldErrors());
            return "identity/password";
        }
        PasswordChangeGate.changed(session);
        redirect.addFlashAttribute("notice", "密码已修改。");
        return "redirect:/";
    }
}
