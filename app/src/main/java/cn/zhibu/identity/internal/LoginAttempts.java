package cn.zhibu.identity.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/** Locks an account after repeated wrong passwords (default: 5 attempts, 15 minutes). */
@Component
public class LoginAttempts {

    private final UserRepository users;
    private final int threshold;
    private final Duration lockFor;

    LoginAttempts(UserRepository users, @Value("${zhibu.security.lockout-attempts:5}") int threshold,
                  @Value("${zhibu.security.lockout-minutes:15}") int minutes) {
        this.users = users;
        this.threshold = threshold;
        this.lockFor = Duration.ofMinutes(minutes);
    }

    /** Returns the attempts left before the account locks (0 once locked). */
    public int failed(String username) {
        users.clearExpiredLock(username);
        int count = users.recordFailure(username, threshold, Instant.now().plus(lockFor));
        return Math.max(threshold - count, 0);
    }

    public void succeeded(String username) {
        users.recordSuccess(username);
    }

    public long lockMinutes() {
        return lockFor.toMinutes();
    }
}
