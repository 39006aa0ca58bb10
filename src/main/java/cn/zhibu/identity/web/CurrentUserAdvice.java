package cn.zhibu.identity.web;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.identity.ZhibuUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/** Puts the signed-in user's name and roles into every page's model, for the layout's header. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    private final UserAccounts accounts;

    CurrentUserAdvice(UserAccounts accounts) {
        this.accounts = accounts;
    }

    record CurrentUser(String displayName, String username, List<String> roleLabels, boolean admin, boolean orgAdmin,
                       boolean manager) {
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof ZhibuUser user)) {
            return null;
        }
        var grants = accounts.roles(user.userId());
        List<String> labels = grants.stream().map(g -> g.role().label()).distinct().toList();
        boolean admin = grants.stream().anyMatch(g -> g.role() == Role.ADMIN);
        boolean orgAdmin = admin || grants.stream().anyMatch(g -> g.role() == Role.ORG_ADMIN);
        boolean manager = orgAdmin || grants.stream().anyMatch(g -> g.role() == Role.SECRETARY);
        return new CurrentUser(user.displayName(), user.getUsername(), labels, admin, orgAdmin, manager);
    }
}
