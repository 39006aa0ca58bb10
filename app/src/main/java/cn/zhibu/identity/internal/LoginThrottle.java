package cn.zhibu.identity.internal;

import cn.zhibu.platform.Sm3;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Throttles failed logins by their source, so that nobody can lock an account by guessing at it: the owner logging
 * in from elsewhere is not affected. State lives in the database, so every app node sees the same counts. An unknown
 * user name is counted exactly like a known one, so the answers do not tell which names exist.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final LoginThrottleSettings settings;

    LoginThrottle(JdbcClient jdbc, LoginThrottleSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** How long this source must still wait before trying this account, if it is blocked. */
    Optional<Duration> blocked(String username, ClientAddress address) {
        return jdbc.sql("select max(blocked_until) from login_throttle where key in (?, ?) and blocked_until > now()")
                .params(pairKey(username, address), addressKey(address))
                .query((rs, i) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .single()
                .map(until -> Duration.between(Instant.now(), until.toInstant()))
                .filter(left -> !left.isNegative());
    }

    void failed(String username, ClientAddress address) {
        count(pairKey(username, address), settings.accountFailures(), settings.accountWindow(),
                settings.accountFirstBlock());
        count(addressKey(address), settings.addressFailures(), settings.addressWindow(), settings.addressFirstBlock());
    }

    /** The account's count from this address starts again; the address's count across accounts does not. */
    void succeeded(String username, ClientAddress address) {
        jdbc.sql("delete from login_throttle where key = ?").param(pairKey(username, address)).update();
    }

    /** One more failure in the window; at the threshold, a block twice as long as the one before. */
    private void count(String key, int threshold, Duration window, Duration firstBlock) {
        int failures = jdbc.sql("""
                        insert into login_throttle as t (key, failures, window_started_at, last_failure_at)
                        values (?, 1, now(), now())
                        on conflict (key) do update set
                            failures = case when t.window_started_at < now() - ? * interval '1 second' then 1
                                            else t.failures + 1 end,
                            window_started_at = case when t.window_started_at < now() - ? * interval '1 second'
                                                     then now() else t.window_started_at end,
                            blocks = case when t.last_failure_at < now() - ? * interval '1 second' then 0
                                          else t.blocks end,
                            last_failure_at = now()
                        returning failures""")
                .params(key, window.toSeconds(), window.toSeconds(), settings.forgetAfter().toSeconds())
                .query(Integer.class).single();
        if (failures >= threshold) {
            // the condition keeps two nodes that both reach the threshold from blocking twice
            jdbc.sql("""
                            update login_throttle set failures = 0, window_started_at = now(), blocks = blocks + 1,
                                   blocked_until = now() + least(? * power(2, least(blocks, 30)), ?) * interval '1 second'
                            where key = ? and failures >= ?""")
                    .params(firstBlock.toSeconds(), settings.maxBlock().toSeconds(), key, threshold)
                    .update();
        }
    }

    /** Sources quiet for longer than forget-after start from nothing; their rows go. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void forgetQuietSources() {
        jdbc.sql("delete from login_throttle where last_failure_at < now() - ? * interval '1 second'"
                        + " and (blocked_until is null or blocked_until < now())")
                .param(settings.forgetAfter().toSeconds()).update();
    }

    /** A hash, so that a password typed into the user-name field is not stored. */
    private static String pairKey(String username, ClientAddress address) {
        return "pair:" + Sm3.hex(username.trim().toLowerCase(Locale.ROOT) + "\u001f" + address.value());
    }

    private static String addressKey(ClientAddress address) {
        return "addr:" + address.value();
    }
}
