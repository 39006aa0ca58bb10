package cn.zhibu.identity.web;

import cn.zhibu.identity.UserAccounts;
import cn.zhibu.identity.ZhibuUser;
import cn.zhibu.identity.internal.ApiTokens;
import cn.zhibu.identity.internal.ThrottledLoginException;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
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
    private final UserAccounts accounts;

    AuthApiController(AuthenticationManager authentication, ApiTokens tokens, UserAccounts accounts) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    record LoginRequest(String username, String password) {
    }

    record TokenResponse(String token, String tokenType, Instant expiresAt) {
    }

    @PostMapping("/auth/token")
    @Operation(summary = "用用户名和密码换取令牌", description = "返回的令牌放在 Authorization: Bearer <token> 中使用")
    @SecurityRequirements // the one call without a token (SecurityConfig permits it), unlike the document's default
    ResponseEntity<?> token(@RequestBody LoginRequest request, HttpServletRequest http) {
        if (request == null || request.username() == null || request.password() == null) {
            return ResponseEntity.badRequest().body(Map.of("status", 400, "message", "请提供用户名和密码"));
        }
        try {
            ZhibuUser user = authenticate(request.username(), request.password(), http);
            if (accounts.mustChangePassword(user.userId())) {
                throw new ForbiddenException("您正在使用一次性初始密码，请先修改密码（POST /api/v1/auth/password）");
            }
            ApiTokens.Issued issued = tokens.issue(user.userId());
            return ResponseEntity.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresAt()));
        } catch (AuthenticationException e) {
            return refused(e);
        }
    }

    /** The password check of the login, throttled by the client's address as the form login is. */
    private ZhibuUser authenticate(String username, String password, HttpServletRequest http) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(http));
        return (ZhibuUser) authentication.authenticate(attempt).getPrincipal();
    }

    private static ResponseEntity<?> refused(AuthenticationException e) {
        if (e instanceof ThrottledLoginException throttled) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, throttled.retryAfter().toSeconds())))
                    .body(Map.of("status", 429, "message", e.getMessage()));
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("status", 401, "message", e.getMessage()));
    }

    record PasswordChange(String username, String currentPassword, String newPassword) {
    }

    @PostMapping("/auth/password")
    @SecurityRequirements // proven by the current password, like the login
    @Operation(summary = "修改自己的密码", description = "用原密码证明身份；一次性初始密码须先在此修改，才能换取令牌")
    ResponseEntity<?> changePassword(@RequestBody PasswordChange request, HttpServletRequest http) {
        if (request == null || request.username() == null || request.currentPassword() == null) {
            return ResponseEntity.badRequest().body(Map.of("status", 400, "message", "请提供用户名和原密码"));
        }
        try {
            ZhibuUser user = authenticate(request.username(), request.currentPassword(), http);
            accounts.changePassword(user, request.currentPassword(), request.newPassword());
            return ResponseEntity.noContent().build();
        } catch (AuthenticationException e) {
            return refused(e);
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
