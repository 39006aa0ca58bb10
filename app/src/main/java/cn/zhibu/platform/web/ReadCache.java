package cn.zhibu.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API's read cache: answers by caller and URI, each kept with the version of the data in the caller's scope it
 * was computed under and a tag of its own. A kept answer serves while the version is unchanged, for at most
 * {@code max-age} after it was computed (a bound for writes no transaction declared, such as another node's); its
 * tag answers {@code If-None-Match} with 304 for as long as it serves. A tag is a MAC (a key drawn at start) of the
 * caller, the URI and a number used once: a client cannot make one up, and one caller's never fits another's.
 * Bounded by bytes.
 */
@Component
class ReadCache {

    record Entry(String tag, long version, String contentType, byte[] body) {
    }

    private final boolean enabled;
    private final int maxEntryBytes;
    private final SecretKeySpec key;
    private final AtomicLong nonces = new AtomicLong();
    private final Cache<String, Entry> entries;

    ReadCache(@Value("${zhibu.read-cache.enabled:true}") boolean enabled,
              @Value("${zhibu.read-cache.max-age-seconds:60}") int maxAgeSeconds,
              @Value("${zhibu.read-cache.max-megabytes:64}") int maxMegabytes,
              @Value("${zhibu.read-cache.max-entry-kilobytes:512}") int maxEntryKilobytes) {
        this.enabled = enabled && maxAgeSeconds > 0;
        this.maxEntryBytes = maxEntryKilobytes * 1024;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.entries = Caffeine.newBuilder()
                .maximumWeight((long) maxMegabytes * 1024 * 1024)
                .weigher((String k, Entry e) -> k.length() * 2 + e.body().length + 64)
                .expireAfterWrite(Duration.ofSeconds(Math.max(1, maxAgeSeconds)))
                .build();
    }

    boolean enabled() {
        return enabled;
    }

    int maxEntryBytes() {
        return maxEntryBytes;
    }

    /** A new weak entity tag for an answer about to be computed for this caller and URI. */
    String newTag(long userId, String uri) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((userId + "\n" + uri + "\n" + nonces.incrementAndGet())
                    .getBytes(StandardCharsets.UTF_8));
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The kept answer, if it was computed under this version and is not older than the maximum age. */
    Entry find(String key, long version) {
        Entry entry = entries.getIfPresent(key);
        return entry != null && entry.version() == version ? entry : null;
    }

    void keep(String key, Entry entry) {
        entries.put(key, entry);
    }

    static String key(long userId, String uri) {
        return userId + " " + uri;
    }
}
