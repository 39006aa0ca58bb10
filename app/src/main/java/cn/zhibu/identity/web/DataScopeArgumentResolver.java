package cn.zhibu.identity.web;

import cn.zhibu.identity.DataScopes;
import cn.zhibu.identity.ZhibuUser;
import cn.zhibu.platform.DataScope;
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

/**
 * Lets any controller declare a {@link DataScope} parameter: the caller's scope, resolved once per request.
 * Controllers therefore never build a scope themselves and cannot forget one.
 */
@Component
public class DataScopeArgumentResolver implements HandlerMethodArgumentResolver {

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
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof ZhibuUser user)) {
            throw new InsufficientAuthenticationException("未登录");
        }
        DataScope scope = scopes.forUser(user.userId());
        request.setAttribute(ATTRIBUTE, scope, RequestAttributes.SCOPE_REQUEST);
        return scope;
    }
}
