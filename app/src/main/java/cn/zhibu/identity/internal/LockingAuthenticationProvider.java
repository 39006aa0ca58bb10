package cn.zhibu.identity.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** Password login with lockout: wrong passwords are counted, a locked account is refused before the check. */
public class LockingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginAttempts attempts;

    public LockingAuthenticationProvider(DaoAuthenticationProvider passwords, LoginAttempts attempts) {
        this.passwords = passwords;
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        try {
            Authentication result = passwords.authenticate(authentication);
            attempts.succeeded(username);
            return result;
        } catch (LockedException e) {
            throw new LockedException("连续输错密码次数过多，账号已锁定，请" + attempts.lockMinutes() + "分钟后再试");
        } catch (BadCredentialsException e) {
            int left = attempts.failed(username);
            throw new BadCredentialsException(left == 0
                    ? "连续输错密码次数过多，账号已锁定，请" + attempts.lockMinutes() + "分钟后再试"
                    : "用户名或密码错误，再输错" + left + "次账号将被锁定");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
