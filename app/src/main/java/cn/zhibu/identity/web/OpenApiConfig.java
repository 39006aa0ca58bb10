package cn.zhibu.identity.web;

import cn.zhibu.platform.DataScope;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description: title, and the bearer token every call except the login needs.
 *
 * <p>Schema names are the Java types' simple names, so a request record nested in a controller needs a name no other
 * type of the API has ({@code OpenApiContractIntegrationTest} compares the document with the controllers).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static {
        // The caller's DataScope comes from the authenticated user (DataScopeArgumentResolver), never from the
        // request: springdoc would otherwise document it as a required "scope" query parameter, or as the body of an
        // upload. Ignoring the type once hides it from every operation.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(DataScope.class);
    }

    @Bean
    OpenAPI zhibuOpenApi() {
        return new OpenAPI()
                .info(new Info().title("支部 · 智慧党建平台 API").version("v1")
                        .description("先用 POST /api/v1/auth/token 以用户名和密码换取令牌，再在请求头中带上 "
                                + "Authorization: Bearer <令牌>。所有数据均限于调用者角色所在组织及其下级。"))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
