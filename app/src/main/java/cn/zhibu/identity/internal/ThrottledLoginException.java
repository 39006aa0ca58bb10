package cn.zhibu.identity.internal;

import cn.zhibu.platform.RetryLater;
import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** Too many failed logins from this source: the attempt was refused without looking at the password. */
public class ThrottledLoginException extends AuthenticationException implements RetryLater {

    private final Duration retryAfter;

    ThrottledLoginException(Duration retryAfter) {
        super("登录失败次数过多，请" + wait(retryAfter) + "后再试");
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole minutes, rounded up (the exact seconds are in the API's Retry-After header). */
    private static String wait(Duration d) {
        return (Math.max(1, d.toSeconds()) + 59) / 60 + "分钟";
    }
}
