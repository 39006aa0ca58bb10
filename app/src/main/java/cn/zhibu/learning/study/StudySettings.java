package cn.zhibu.learning.study;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zhibu.learning.study.*} (env {@code ZHIBU_LEARNING_STUDY_*}), the study part's own settings (the beat's
 * timing and caps are the shared {@code zhibu.learning.*}):
 * <ul>
 *   <li>{@code expireMinutes} 30: a session with no beat for this long is over (EXPIRED); its next beat is refused
 *       and the page starts a new session — a laptop left asleep overnight earns nothing when it wakes.</li>
 * </ul>
 */
@ConfigurationProperties("zhibu.learning.study")
public record StudySettings(@DefaultValue("30") int expireMinutes) {

    public StudySettings {
        if (expireMinutes < 2 || expireMinutes > 24 * 60) {
            throw new IllegalArgumentException("zhibu.learning.study.expire-minutes 应在 2 到 1440 分钟之间");
        }
    }
}
