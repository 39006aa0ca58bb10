package cn.zhibu.platform;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** One exception in the holiday calendar: a holiday (any day of the week) or an adjusted working weekend. */
public record CalendarDay(LocalDate day, CalendarDayKind kind, String name) {

    private static final String[] WEEKDAYS = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};

    public String kindLabel() {
        return kind.label();
    }

    public String weekday() {
        return weekday(day);
    }

    public static String weekday(LocalDate day) {
        return WEEKDAYS[day.getDayOfWeek().getValue() - 1];
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
