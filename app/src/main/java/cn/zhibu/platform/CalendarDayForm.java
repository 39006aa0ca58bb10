package cn.zhibu.platform;

import java.time.LocalDate;

/** What an administrator enters for one day of the holiday calendar. */
public record CalendarDayForm(LocalDate day, CalendarDayKind kind, String name) {
}
