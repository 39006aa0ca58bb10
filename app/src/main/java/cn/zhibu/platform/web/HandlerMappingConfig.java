package cn.zhibu.platform.web;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Spring MVC with {@link PrefixIndexedHandlerMapping} in place of the stock request-mapping lookup. */
@Configuration(proxyBeanMethods = false)
class HandlerMappingConfig {

    @Bean
    WebMvcRegistrations prefixIndexedMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PrefixIndexedHandlerMapping();
            }
        };
    }
}
