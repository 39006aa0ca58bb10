package cn.zhibu.learning;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;

/**
 * {@code zhibu.learning.*} (env {@code ZHIBU_LEARNING_*}), the local choices of §7 and §8 with their defaults:
 * <ul>
 *   <li>{@code heartbeatSeconds} 30: how often a study page beats; {@code earlySeconds} 20: a beat sooner than this
 *       after the last accepted one adds nothing (and does not move the clock); {@code creditCapSeconds} 60: a beat
 *       credits the lesser of the time since the last accepted beat and this cap;</li>
 *   <li>{@code dailyCapHours} 8: at most this much online study a member a day (RULES.md §7: a day is 8 学时);</li>
 *   <li>{@code classAbsenceNumerator}/{@code classAbsenceDenominator} 1/7: a class missed by more than this share
 *       of its hours is not completed (T2 practice);</li>
 *   <li>{@code roleChangeRule} PRO_RATA ({@link RoleChangeRule});</li>
 *   <li>{@code leaderboards} false and {@code compulsoryPunchIn} false (the 2023 rules against 指尖上的形式主义):
 *       no ranking of people and no daily punch-in demanded unless a unit turns them on.</li>
 * </ul>
 */
@ConfigurationProperties("zhibu.learning")
public record LearningSettings(@DefaultValue("30") int heartbeatSeconds,
                               @DefaultValue("20") int earlySeconds,
                               @DefaultValue("60") int creditCapSeconds,
                               @DefaultValue("8") BigDecimal dailyCapHours,
                               @DefaultValue("1") int classAbsenceNumerator,
                               @DefaultValue("7") int classAbsenceDenominator,
                               @DefaultValue("PRO_RATA") RoleChangeRule roleChangeRule,
                               @DefaultValue("false") boolean leaderboards,
                               @DefaultValue("false") boolean compulsoryPunchIn) {

    public LearningSettings {
        if (heartbeatSeconds < 5 || earlySeconds <= 0 || earlySeconds > heartbeatSeconds
                || creditCapSeconds < heartbeatSeconds || dailyCapHours.signum() <= 0
                || classAbsenceNumerator < 0 || classAbsenceDenominator <= 0
                || classAbsenceNumerator > classAbsenceDenominator) {
            throw new IllegalArgumentException("zhibu.learning 的心跳间隔、计时上限、每日上限或缺课比例设置不合理");
        }
    }

    public static LearningSettings defaults() {
        return new LearningSettings(30, 20, 60, new BigDecimal("8"), 1, 7, RoleChangeRule.PRO_RATA, false, false);
    }

    /** The daily cap in seconds. */
    public int dailyCapSeconds() {
        return dailyCapHours.multiply(BigDecimal.valueOf(3600)).intValue();
    }
}
