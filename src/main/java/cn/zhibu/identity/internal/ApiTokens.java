package cn.zhibu.identity.internal;

import cn.zhibu.identity.ZhibuUser;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Opaque bearer tokens for the API: random, stored only as a hash, revocable, expiring. */
@Component
public class ApiTokens {

    private final UserRepository users;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(UserRepository users, @Value("${zhibu.security.api-token-hours:12}") int hours) {
        this.users = users;
        this.lifetime = Duration.ofHours(hours);
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
        return users.userOfToken(hash(token)).filter(u -> u.isEnabled() && u.isAccountNonLocked());
    }

    public void revoke(String token) {
        users.deleteToken(hash(token));
    }

    private static String hash(String token) {
        byte[] in = token.getBytes(StandardCharsets.UTF_8);
        SM3Digest d = new SM3Digest();
        d.update(in, 0, in.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return Hex.toHexString(out);
    }
}
