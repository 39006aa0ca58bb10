package cn.zhibu.identity.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Password login, throttled by source ({@link LoginThrottle}). Every wrong password — for a known or an unknown name
 * — gets the same answer after the same work (Spring checks unknown names against a dummy hash). Whether the account
 * is disabled or locked is said only after the right password, so that neither tells which names exist.
 */
public class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    static final String WRONG = "用户名或密码错误";

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final UserRepository users;

    ThrottlingAuthenticationProvider(DaoAuthenticationProvider passwords, LoginThrottle throttle, UserRepository users) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.users = users;
        passwords.setPreAuthenticationChecks(user -> {
            // nothing before the password: see the class comment
        });
        passwords.setPostAuthenticationChecks(user -> {
            if (!user.isAccountNonLocked()) {
                throw new LockedException("账号已被管理员锁定，请联系管理员");
            }
            if (!user.isEnabled()) {
                throw new DisabledException("账号已停用，请联系管理员");
            }
        });
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        ClientAddress address = ClientAddress.of(authentication);
        var wait = throttle.blocked(username, address);
        if (wait.isPresent()) {
            throw new ThrottledLoginException(wait.get());
        }
        try {
            if (!wellFormed(authentication.getCredentials())) {
                // a lone surrogate cannot be encoded to hash it (the password encoder would throw): no password has one
                throw new BadCredentialsException(WRONG);
            }
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(username, address);
            users.recordLogin(username);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            throw new BadCredentialsException(WRONG);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Whether the credentials are text that UTF-8 can encode: every surrogate in a pair. */
    private static boolean wellFormed(Object credentials) {
        if (!(credentials instanceof String s)) {
            return credentials != null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
