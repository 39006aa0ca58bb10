package cn.zhibu.identity.web;

import cn.zhibu.identity.UserAccounts;
import cn.zhibu.identity.ZhibuUser;
import cn.zhibu.identity.internal.ApiTokens;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.input.ShortText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.jdk.StringDeserializer;

import java.time.Instant;
import java.util.List;

/**
 * Tokens for the API and the owner's password change. A wrong password is an {@code AuthenticationException} (a 401
 * problem with its message); a throttled source a 429 with {@code Retry-After}.
 */
@RestController
@ConditionalOnWebApplication // the AuthenticationManager exists with the web security chains only
@RequestMapping("/api/v1")
@Tag(name = "认证", description = "获取和注销 API 令牌，修改密码")
class AuthApiController {

    private static final int PASSWORD_MAX = 200;

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;
    private final UserAccounts accounts;

    AuthApiController(AuthenticationManager authentication, ApiTokens tokens, UserAccounts accounts) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    /** The password is taken exactly as sent (text fields are otherwise trimmed: see TextKind). */
    record LoginRequest(@ShortText("用户名") String username,
                        @JsonDeserialize(using = StringDeserializer.class) String password) {
    }

    record TokenResponse(String token, String tokenType, Instant expiresAt) {
    }

    @PostMapping("/auth/token")
    @SecurityRequirements // the one call without a token (SecurityConfig permits it), unlike the document's default
    @Operation(summary = "用用户名和密码换取令牌", description = "返回的令牌放在 Authorization: Bearer <token> 中使用；"
            + "用户名或密码不对时为 401，其说明（detail）给出原因；失败过多时为 429（Retry-After）；一次性初始密码须先修改（403）")
    TokenResponse token(@RequestBody LoginRequest request, HttpServletRequest http) {
        ZhibuUser user = authenticate(request.username(), "password", request.password(), http);
        if (accounts.mustChangePassword(user.userId())) {
            throw new ForbiddenException("您正在使用一次性初始密码，请先修改密码（POST /api/v1/auth/password）");
        }
        ApiTokens.Issued issued = tokens.issue(user.userId());
        return new TokenResponse(issued.token(), "Bearer", issued.expiresAt());
    }

    /** The passwords are taken exactly as sent, like the login's. */
    record PasswordChange(@ShortText("用户名") String username,
                          @JsonDeserialize(using = StringDeserializer.class) String currentPassword,
                          @JsonDeserialize(using = StringDeserializer.class) String newPassword) {
    }

    @PostMapping("/auth/password")
    @SecurityRequirements // proven by the current password, like the login
    @Operation(summary = "修改自己的密码", description = "用原密码证明身份；一次性初始密码须先在此修改，才能换取令牌")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange request, HttpServletRequest http) {
        ZhibuUser user = authenticate(request.username(), "currentPassword", request.currentPassword(), http);
        accounts.changePassword(user, request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    /** The password check of the login, throttled by the client's address as the form login is. */
    private ZhibuUser authenticate(String username, String passwordField, String password, HttpServletRequest http) {
        if (username == null || username.isEmpty() || password == null) {
            throw InvalidInputException.of(username == null || username.isEmpty() ? "username" : passwordField,
                    "请提供用户名和密码");
        }
        if (password.length() > PASSWORD_MAX) {
            throw InvalidInputException.of(passwordField, "密码不能超过" + PASSWORD_MAX + "个字符");
        }
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(http));
        return (ZhibuUser) authentication.authenticate(attempt).getPrincipal();
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

    record EmailSetting(@ShortText("电子邮箱") String email) {
    }

    @GetMapping("/me/email")
    @Operation(summary = "我的通知邮箱", description = "未设置时 email 不出现")
    EmailSetting email(DataScope scope) {
        return new EmailSetting(accounts.email(scope.actorId()));
    }

    @PutMapping("/me/email")
    @Operation(summary = "设置我的通知邮箱", description = "会议通知等在平台配置了邮件服务（spring.mail.host）时发送到此邮箱；"
            + "email 为空则删除")
    EmailSetting changeEmail(DataScope scope, @RequestBody EmailSetting request) {
        accounts.changeEmail(scope.actorId(), request.email());
        return new EmailSetting(accounts.email(scope.actorId()));
    }
}
