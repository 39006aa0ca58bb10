package cn.zhibu.identity.web;

import cn.zhibu.identity.DataScopes;
import cn.zhibu.identity.ZhibuUser;
import cn.zhibu.platform.CallerScopes;
import cn.zhibu.platform.DataScope;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.Optional;

/**
 * Lets any controller declare a {@link DataScope} parameter: the caller's scope, resolved once per request.
 * Controllers therefore never build a scope themselves and cannot forget one.
 */
@Component
public class DataScopeArgumentResolver implements HandlerMethodArgumentResolver, CallerScopes {

    private static final String ATTRIBUTE = DataScope.class.getName();

    private final DataScopes scopes;

    DataScopeArgumentResolver(DataScopes scopes) {
        this.scopes = scopes;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == DataScope.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        Object cached = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (cached != null) {
            return cached;
        }
        DataScope scope = resolve().orElseThrow(() -> new InsufficientAuthenticationException("未登录"));
        request.setAttribute(ATTRIBUTE, scope, RequestAttributes.SCOPE_REQUEST);
        return scope;
    }

    /** The same scope for platform code before the controller (the read cache), kept for the controller too. */
    @Override
    public Optional<DataScope> of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof DataScope cached) {
            return Optional.of(cached);
        }
        Optional<DataScope> scope = resolve();
        scope.ifPresent(s -> request.setAttribute(ATTRIBUTE, s));
        return scope;
    }

    private Optional<DataScope> resolve() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof ZhibuUser user)) {
            return Optional.empty();
        }
        return Optional.of(scopes.forUser(user.userId()));
    }
}
