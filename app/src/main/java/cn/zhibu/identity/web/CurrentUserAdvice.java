package cn.zhibu.identity.web;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.identity.ZhibuUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts the signed-in user's name and roles into every rendered page (error pages too), for the layout's header. An
 * interceptor on page handlers rather than a controller advice: advice on {@code @Controller} also runs for every
 * REST call ({@code @RestController} is a {@code @Controller}), which would cost the API a query per request.
 */
@Component
class CurrentUserAdvice implements HandlerInterceptor {

    private final UserAccounts accounts;
    private final Map<Method, Boolean> bodyWriters = new ConcurrentHashMap<>();

    CurrentUserAdvice(UserAccounts accounts) {
        this.accounts = accounts;
    }

    record CurrentUser(String displayName, String username, List<String> roleLabels, boolean admin, boolean orgAdmin,
                       boolean manager) {
    }

    /**
     * Before the handler rather than after it: when a page handler throws (a 404 or 403 of {@code PageErrorAdvice})
     * no post-handle runs, and the error page would lose the user's navigation. A request attribute is a variable
     * of the template as a model attribute is. Handlers that write a body (REST) are skipped: no query for them.
     */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || writesBody(method)) {
            return true;
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof ZhibuUser user)) {
            return true;
        }
        var grants = accounts.roles(user.userId());
        List<String> labels = grants.stream().map(g -> g.role().label()).distinct().toList();
        boolean admin = grants.stream().anyMatch(g -> g.role() == Role.ADMIN);
        boolean orgAdmin = admin || grants.stream().anyMatch(g -> g.role() == Role.ORG_ADMIN);
        boolean manager = orgAdmin || grants.stream().anyMatch(g -> g.role() == Role.SECRETARY);
        request.setAttribute("currentUser",
                new CurrentUser(user.displayName(), user.getUsername(), labels, admin, orgAdmin, manager));
        return true;
    }

    private boolean writesBody(HandlerMethod method) {
        // looked up once per handler: the annotation search ran on every request (1.5% of a member write's CPU)
        return bodyWriters.computeIfAbsent(method.getMethod(), m -> writesBodyUncached(method));
    }

    private static boolean writesBodyUncached(HandlerMethod method) {
        return method.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                || ResponseEntity.class.isAssignableFrom(method.getReturnType().getParameterType());
    }
}
