package cn.zhibu.identity.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class WebMvcConfig implements WebMvcConfigurer {

    private final DataScopeArgumentResolver scopeResolver;
    private final CurrentUserAdvice currentUser;

    WebMvcConfig(DataScopeArgumentResolver scopeResolver, CurrentUserAdvice currentUser) {
        this.scopeResolver = scopeResolver;
        this.currentUser = currentUser;
    }

    @Override
    public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
        registry.addInterceptor(currentUser);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(scopeResolver);
    }
}
