package cn.zhibu.life.checkin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zhibu.life.checkin.*}: members may check in from {@code openMinutesBefore} minutes before a meeting starts
 * until it ends, and check out from the same opening until {@code checkoutMinutesAfter} minutes after it ends.
 */
@ConfigurationProperties("zhibu.life.checkin")
public record CheckinSettings(@DefaultValue("30") int openMinutesBefore, @DefaultValue("60") int checkoutMinutesAfter) {

    private static final int DAY_MINUTES = 24 * 60;

    public CheckinSettings {
        if (openMinutesBefore < 0 || openMinutesBefore > DAY_MINUTES) {
            throw new IllegalArgumentException("zhibu.life.checkin.open-minutes-before 应为0至1440分钟");
        }
        if (checkoutMinutesAfter < 0 || checkoutMinutesAfter > DAY_MINUTES) {
            throw new IllegalArgumentException("zhibu.life.checkin.checkout-minutes-after 应为0至1440分钟");
        }
    }
}
