package cn.zhibu.identity.internal;

import cn.zhibu.identity.ZhibuUser;
import cn.zhibu.platform.Sm3;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque bearer tokens for the API: random, stored only as a hash, revocable, expiring. A token's user is cached
 * for a few seconds, since every API call needs it; revocation clears this node's entry at once, other nodes'
 * within that time.
 */
@Component
public class ApiTokens {

    private final UserRepository users;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Optional<ZhibuUser>> recent;

    ApiTokens(UserRepository users, @Value("${zhibu.security.api-token-hours:12}") int hours,
              @Value("${zhibu.security.cache-seconds:5}") int cacheSeconds) {
        this.users = users;
        this.lifetime = Duration.ofHours(hours);
        this.recent = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(cacheSeconds)).maximumSize(100_000)
                .build();
    }

    public record Issued(String token, Instant expiresAt) {
    }

    public Issued issue(long userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = Instant.now().plus(lifetime);
        users.insertToken(hash(token), userId, expires);
        return new Issued(token, expires);
    }

    public Optional<ZhibuUser> authenticate(String token) {
        return recent.get(hash(token), h -> users.userOfToken(h).filter(u -> u.isEnabled() && u.isAccountNonLocked()));
    }

    public void revoke(String token) {
        users.deleteToken(hash(token));
        recent.invalidate(hash(token));
    }

    private static String hash(String token) {
        return Sm3.hex(token);
    }
}
