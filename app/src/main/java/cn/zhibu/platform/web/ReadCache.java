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
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The API's read cache: answers by caller and URI, each valid under one tag. A tag is a MAC (a key drawn at start)
 * of the caller, the URI, the version of the data in the caller's scope and the current time window: it changes when
 * a change reaches the caller's scope and at least every {@code max-age}, cannot be computed by a client, and never
 * matches another caller's. Bounded by bytes; an entry lives at most {@code max-age}.
 */
@Component
class ReadCache {

    record Entry(String tag, String contentType, byte[] body) {
    }

    private final boolean enabled;
    private final long windowMillis;
    private final int maxEntryBytes;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Cache<String, Entry> entries;

    ReadCache(@Value("${zhibu.read-cache.enabled:true}") boolean enabled,
              @Value("${zhibu.read-cache.max-age-seconds:30}") int maxAgeSeconds,
              @Value("${zhibu.read-cache.max-megabytes:64}") int maxMegabytes,
              @Value("${zhibu.read-cache.max-entry-kilobytes:512}") int maxEntryKilobytes,
              Clock clock) {
        this.enabled = enabled && maxAgeSeconds > 0;
        this.windowMillis = Math.max(1, maxAgeSeconds) * 1000L;
        this.maxEntryBytes = maxEntryKilobytes * 1024;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.entries = Caffeine.newBuilder()
                .maximumWeight((long) maxMegabytes * 1024 * 1024)
                .weigher((String k, Entry e) -> k.length() * 2 + e.body().length + 64)
                .expireAfterWrite(Duration.ofMillis(windowMillis))
                .build();
    }

    boolean enabled() {
        return enabled;
    }

    int maxEntryBytes() {
        return maxEntryBytes;
    }

    /** The weak entity tag of this caller's answer to this URI while the data's version is {@code version}. */
    String tag(long userId, String uri, long version) {
        long window = clock.millis() / windowMillis;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((userId + "\n" + uri + "\n" + version + "\n" + window)
                    .getBytes(StandardCharsets.UTF_8));
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    Entry find(String key, String tag) {
        Entry entry = entries.getIfPresent(key);
        return entry != null && entry.tag().equals(tag) ? entry : null;
    }

    void keep(String key, Entry entry) {
        entries.put(key, entry);
    }

    static String key(long userId, String uri) {
        return userId + " " + uri;
    }
}
