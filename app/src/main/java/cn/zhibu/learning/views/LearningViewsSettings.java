package cn.zhibu.learning.views;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zhibu.learning.views.*}: {@code dueSoonDays} 14 — a required course enters the member's inbox this many days
 * before its due date; {@code reminderDays} 7 — how long a secretary's reminder stays in the member's inbox;
 * {@code maxReminders} 2000 — most members one "remind all behind" reaches (a larger subtree is reminded per branch).
 */
@ConfigurationProperties("zhibu.learning.views")
public record LearningViewsSettings(@DefaultValue("14") int dueSoonDays,
                                    @DefaultValue("7") int reminderDays,
                                    @DefaultValue("2000") int maxReminders) {

    public LearningViewsSettings {
        if (dueSoonDays < 0 || dueSoonDays > 365 || reminderDays < 1 || reminderDays > 90 || maxReminders < 1) {
            throw new IllegalArgumentException("zhibu.learning.views 的提醒天数或人数设置不合理");
        }
    }
}
