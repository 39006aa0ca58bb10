package cn.zhibu.identity.web;

import cn.zhibu.identity.ZhibuUser;
import cn.zhibu.identity.internal.ApiTokens;
import cn.zhibu.platform.DataScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@RestController
@ConditionalOnWebApplication // the AuthenticationManager exists with the web security chains only
@RequestMapping("/api/v1")
@Tag(name = "认证", description = "获取和注销 API 令牌")
class AuthApiController {

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;

    AuthApiController(AuthenticationManager authentication, ApiTokens tokens) {
        this.authentication = authentication;
        this.tokens = tokens;
    }

    record LoginRequest(String username, String password) {
    }

    record TokenResponse(String token, String tokenType, Instant expiresAt) {
    }

    @PostMapping("/auth/token")
    @Operation(summary = "用用户名和密码换取令牌", description = "返回的令牌放在 Authorization: Bearer <token> 中使用")
    @SecurityRequirements // the one call without a token (SecurityConfig permits it), unlike the document's default
    ResponseEntity<?> token(@RequestBody LoginRequest request) {
        if (request == null || request.username() == null || request.password() == null) {
            return ResponseEntity.badRequest().body(Map.of("status", 400, "message", "请提供用户名和密码"));
        }
        try {
            var auth = authentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
            ZhibuUser user = (ZhibuUser) auth.getPrincipal();
            ApiTokens.Issued issued = tokens.issue(user.userId());
            return ResponseEntity.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresAt()));
        } catch (AuthenticationException e) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("status", 401, "message", e.getMessage()));
        }
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
