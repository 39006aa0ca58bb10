package cn.zhibu.life;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zhibu.life.record.*} (env {@code ZHIBU_LIFE_RECORD_*}): a meeting is recorded on time within
 * {@code onTimeDays} days after it was held, later as 补录 with a reason up to {@code lateWindowDays}, never after
 * ({@link LateRecording}, local practice); each record keeps at most {@code maxFiles} files of at most
 * {@code maxFileBytes} each.
 */
@ConfigurationProperties("zhibu.life.record")
public record RecordSettings(@DefaultValue("7") int onTimeDays,
                             @DefaultValue("90") int lateWindowDays,
                             @DefaultValue("10485760") int maxFileBytes,
                             @DefaultValue("30") int maxFiles) {
}
