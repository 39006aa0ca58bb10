package cn.zhibu.learning.classes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;

/**
 * {@code zhibu.learning.classes.*}: the counting practice of a session's 学时 (RULES.md T2, local: a day 8, half a
 * day 4, an hour 1 — a session of at least {@code dayMinutes} counts a day, of at least {@code halfDayMinutes} half a
 * day, a shorter one its whole hours, at least 1), and when members may scan: check-in from
 * {@code openMinutesBefore} minutes before a session starts until it ends, check-out from the same opening until
 * {@code checkoutMinutesAfter} minutes after it ends.
 */
@ConfigurationProperties("zhibu.learning.classes")
public record ClassSettings(@DefaultValue("8") BigDecimal dayHours,
                            @DefaultValue("4") BigDecimal halfDayHours,
                            @DefaultValue("360") int dayMinutes,
                            @DefaultValue("180") int halfDayMinutes,
                            @DefaultValue("30") int openMinutesBefore,
                            @DefaultValue("60") int checkoutMinutesAfter) {

    public ClassSettings {
        if (dayHours.signum() <= 0 || halfDayHours.signum() <= 0 || dayHours.compareTo(new BigDecimal("8")) > 0
                || halfDayMinutes <= 0 || dayMinutes <= halfDayMinutes
                || openMinutesBefore < 0 || openMinutesBefore > 1440
                || checkoutMinutesAfter < 0 || checkoutMinutesAfter > 1440) {
            throw new IllegalArgumentException("zhibu.learning.classes 的学时折算或签到时间设置不合理");
        }
    }

    public static ClassSettings defaults() {
        return new ClassSettings(new BigDecimal("8"), new BigDecimal("4"), 360, 180, 30, 60);
    }
}
