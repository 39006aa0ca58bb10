package cn.zhibu.identity.web;

import cn.zhibu.identity.ZhibuUser;
import cn.zhibu.identity.internal.ApiTokens;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.input.ShortText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.jdk.StringDeserializer;

import java.time.Instant;
import java.util.List;

@RestController
@ConditionalOnWebApplication // the AuthenticationManager exists with the web security chains only
@RequestMapping("/api/v1")
@Tag(name = "认证", description = "获取和注销 API 令牌")
class AuthApiController {

    private static final int PASSWORD_MAX = 200;

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;

    AuthApiController(AuthenticationManager authentication, ApiTokens tokens) {
        this.authentication = authentication;
        this.tokens = tokens;
    }

    /** The password is taken exactly as sent (text fields are otherwise trimmed: see TextKind). */
    record LoginRequest(@ShortText("用户名") String username,
                        @JsonDeserialize(using = StringDeserializer.class) String password) {
    }

    record TokenResponse(String token, String tokenType, Instant expiresAt) {
    }

    @PostMapping("/auth/token")
    @Operation(summary = "用用户名和密码换取令牌", description = "返回的令牌放在 Authorization: Bearer <token> 中使用；"
            + "用户名或密码不对时为 401，其说明（detail）给出原因")
    TokenResponse token(@RequestBody LoginRequest request) {
        if (request.username() == null || request.username().isEmpty() || request.password() == null) {
            throw InvalidInputException.of(request.username() == null || request.username().isEmpty()
                    ? "username" : "password", "请提供用户名和密码");
        }
        if (request.password().length() > PASSWORD_MAX) {
            throw InvalidInputException.of("password", "密码不能超过" + PASSWORD_MAX + "个字符");
        }
        // a wrong password is an AuthenticationException: a 401 problem with its message
        var auth = authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
        ZhibuUser user = (ZhibuUser) auth.getPrincipal();
        ApiTokens.Issued issued = tokens.issue(user.userId());
        return new TokenResponse(issued.token(), "Bearer", issued.expiresAt());
    }

    @DeleteMapping("/auth/token")
    @Operation(summary = "注销当前令牌")
    ResponseEntity<Void> revoke(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.length() > 7) {
            tokens.revoke(header.substring(7).trim());
        }
        return ResponseEntity.noContent().build();
    }

    record Me(long userId, String name, boolean admin, List<String> managedPaths, Long memberId,
              boolean seesSensitive) {
    }

    @GetMapping("/me")
    @Operation(summary = "当前用户及其数据范围")
    Me me(DataScope scope) {
        return new Me(scope.actorId(), scope.actorName(), scope.all(),
                scope.memberPaths().stream().map(Object::toString).toList(), scope.selfMemberId(),
                scope.seesSensitive());
    }
}
