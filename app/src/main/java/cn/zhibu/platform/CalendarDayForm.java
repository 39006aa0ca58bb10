package cn.zhibu.platform;

import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.SensibleDate;

import java.time.LocalDate;

/** What an administrator enters for one day of the holiday calendar. */
public record CalendarDayForm(@SensibleDate("日期") LocalDate day, CalendarDayKind kind,
                              @NameText("节日名称") String name) {
}
