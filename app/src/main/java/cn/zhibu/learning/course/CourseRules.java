package cn.zhibu.learning.course;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rules of a course's 学时 against its length (V40's contract): the study time to complete a course is
 * hours × 3600 s, and for video and audio at most the media's length; so the hours of a video or audio may not exceed
 * its length rounded up to 0.1 学时 (one 学时 is an hour of study here, 3600 s).
 */
public final class CourseRules {

    public static final BigDecimal MIN_HOURS = new BigDecimal("0.1");
    public static final BigDecimal MAX_HOURS = new BigDecimal("100");
    private static final int SECONDS_PER_HOUR = 3600;

    private CourseRules() {
    }

    /** The most 学时 media of this length may carry: the length in hours rounded up to 0.1. */
    public static BigDecimal maxHours(int mediaSeconds) {
        return BigDecimal.valueOf(mediaSeconds).divide(BigDecimal.valueOf(SECONDS_PER_HOUR), 1, RoundingMode.CEILING);
    }

    /** The study time to complete: hours × 3600, at most the media's length when there is one. */
    public static int creditSeconds(BigDecimal hours, Integer mediaSeconds) {
        int byHours = hours.multiply(BigDecimal.valueOf(SECONDS_PER_HOUR)).setScale(0, RoundingMode.CEILING)
                .intValueExact();
        return mediaSeconds == null ? byHours : Math.min(byHours, mediaSeconds);
    }

    /** Why these hours do not fit the media's length, or null when they do (or there is no length). */
    public static String hoursProblem(BigDecimal hours, Integer mediaSeconds) {
        if (hours == null || mediaSeconds == null) {
            return null;
        }
        BigDecimal max = maxHours(mediaSeconds);
        if (hours.compareTo(max) > 0) {
            return "学时不能超过媒体时长：时长" + duration(mediaSeconds) + "，最多" + max.toPlainString() + "学时（按0.1学时向上取整）";
        }
        return null;
    }

    /** Why these hours are not allowed at all, or null. */
    public static String hoursRange(BigDecimal hours) {
        if (hours == null) {
            return "请填写学时";
        }
        if (hours.compareTo(MIN_HOURS) < 0 || hours.compareTo(MAX_HOURS) > 0 || hours.stripTrailingZeros().scale() > 1) {
            return "学时应为0.1至100之间、最多一位小数的数";
        }
        return null;
    }

    /** "1小时5分", "12分30秒", "45秒". */
    public static String duration(int seconds) {
        int h = seconds / 3600;
        int m = seconds % 3600 / 60;
        int s = seconds % 60;
        if (h > 0) {
            return h + "小时" + (m > 0 ? m + "分" : "");
        }
        return m > 0 ? m + "分" + (s > 0 ? s + "秒" : "") : s + "秒";
    }
}
