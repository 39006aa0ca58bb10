package cn.zhibu.identity.web;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.identity.ZhibuUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import java.util.List;

/**
 * Puts the signed-in user's name and roles into every rendered page, for the layout's header. An interceptor on
 * rendered views rather than a controller advice: advice on {@code @Controller} also runs for every REST call
 * ({@code @RestController} is a {@code @Controller}), which would cost the API a query per request.
 */
@Component
class CurrentUserAdvice implements HandlerInterceptor {

    private final UserAccounts accounts;

    CurrentUserAdvice(UserAccounts accounts) {
        this.accounts = accounts;
    }

    record CurrentUser(String displayName, String username, List<String> roleLabels, boolean admin, boolean orgAdmin,
                       boolean manager) {
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
            return;
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof ZhibuUser user)) {
            return;
        }
        var grants = accounts.roles(user.userId());
        List<String> labels = grants.stream().map(g -> g.role().label()).distinct().toList();
        boolean admin = grants.stream().anyMatch(g -> g.role() == Role.ADMIN);
        boolean orgAdmin = admin || grants.stream().anyMatch(g -> g.role() == Role.ORG_ADMIN);
        boolean manager = orgAdmin || grants.stream().anyMatch(g -> g.role() == Role.SECRETARY);
        view.addObject("currentUser",
                new CurrentUser(user.displayName(), user.getUsername(), labels, admin, orgAdmin, manager));
    }
}
