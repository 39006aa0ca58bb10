package cn.zhibu.life.compliance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zhibu.life.compliance.*} (env {@code ZHIBU_LIFE_COMPLIANCE_*}).
 *
 * @param lectureQuarterly  B9's local rule: every branch holds a 党课 each quarter (nationally only the 党委书记's
 *                          yearly 党课 is required); switching it takes effect at once, the roll-up keeps both readings
 * @param remindDaysBefore  the inbox shows what is still to be held this many days before its period ends
 * @param exportMaxRows     most organizations one export of the behind list writes (more: narrow the filter)
 */
@ConfigurationProperties("zhibu.life.compliance")
public record ComplianceSettings(@DefaultValue("true") boolean lectureQuarterly,
                                 @DefaultValue("15") int remindDaysBefore,
                                 @DefaultValue("10000") int exportMaxRows) {
}
