package cn.zhibu.platform;

import cn.zhibu.platform.audit.PlatformAuditAction;

import cn.zhibu.platform.calendar.CalendarDays;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The holiday calendar as administrators keep it: the official arrangement of each year (国务院办公厅 notice) is
 * shipped as data, and a system administrator adds, corrects or removes days. Every change is audited.
 */
@Service
public class HolidayCalendar {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    private static final String ENTITY = "calendar_day";
    private static final int NAME_LIMIT = 30;

    private final CalendarDays days;
    private final WorkingDays workingDays;
    private final AuditLog audit;

    HolidayCalendar(CalendarDays days, WorkingDays workingDays, AuditLog audit) {
        this.days = days;
        this.workingDays = workingDays;
        this.audit = audit;
    }

    /** The exceptions of one year, in date order: readable by everyone. */
    public List<CalendarDay> year(int year) {
        return days.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    @Transactional
    public CalendarDay add(DataScope scope, CalendarDayForm form) {
        requireAdmin(scope);
        CalendarDayForm entered = form == null ? new CalendarDayForm(null, null, null) : form;
        CalendarDay day = validated(entered, entered.day());
        if (!days.insert(day)) {
            CalendarDay existing = days.findForUpdate(day.day()).orElseThrow();
            throw InvalidInputException.of("day", day.day() + "已有安排（" + existing.kindLabel()
                    + (existing.name() == null ? "" : "，" + existing.name()) + "），请修改该日期的记录");
        }
        audit.record(scope, PlatformAuditAction.CALENDAR_DAY_ADDED, ENTITY, day.day(), null, null, snapshot(day));
        changed();
        return day;
    }

    /** Changes the kind and name of a day already in the calendar (the date itself is the record's key). */
    @Transactional
    public CalendarDay update(DataScope scope, LocalDate day, CalendarDayForm form) {
        requireAdmin(scope);
        CalendarDay before = days.findForUpdate(day).orElseThrow(() -> notFound(day));
        CalendarDay after = validated(form == null ? new CalendarDayForm(day, null, null) : form, day);
        days.update(after);
        audit.record(scope, PlatformAuditAction.CALENDAR_DAY_CHANGED, ENTITY, day, null, snapshot(before), snapshot(after));
        changed();
        return after;
    }

    @Transactional
    public void remove(DataScope scope, LocalDate day) {
        requireAdmin(scope);
        CalendarDay before = days.findForUpdate(day).orElseThrow(() -> notFound(day));
        days.delete(day);
        audit.record(scope, PlatformAuditAction.CALENDAR_DAY_REMOVED, ENTITY, day, null, snapshot(before), null);
        changed();
    }

    public static void requireAdmin(DataScope scope) {
        if (!scope.all()) {
            throw new ForbiddenException("只有系统管理员可以维护节假日安排");
        }
    }

    private static CalendarDay validated(CalendarDayForm form, LocalDate day) {
        FieldErrors errors = new FieldErrors();
        String name = form.name() == null || form.name().isBlank() ? null : form.name().strip();
        if (day == null) {
            errors.reject("day", "请填写日期");
        } else if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
            errors.reject("day", "日期应在" + FIRST_YEAR + "年至" + LAST_YEAR + "年之间");
        }
        if (form.kind() == null) {
            errors.reject("kind", "请选择类型：放假或调休上班");
        } else if (form.kind() == CalendarDayKind.WORKDAY && day != null && !CalendarDay.isWeekend(day)) {
            errors.reject("kind", "调休上班日应为星期六或星期日：" + day + "是" + CalendarDay.weekday(day)
                    + "，本来就是工作日，无需录入");
        } else if (form.kind() == CalendarDayKind.HOLIDAY && name == null) {
            errors.reject("name", "请填写节日名称，例如“国庆节”");
        }
        if (name != null && name.length() > NAME_LIMIT) {
            errors.reject("name", "名称不能超过" + NAME_LIMIT + "字");
        }
        errors.throwIfAny();
        return new CalendarDay(day, form.kind(), name);
    }

    private static NotFoundException notFound(LocalDate day) {
        return new NotFoundException(day + "没有节假日或调休安排");
    }

    /** Working-day answers on this node change when the transaction commits, not before (nor if it rolls back). */
    private void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    workingDays.forget();
                }
            });
        } else {
            workingDays.forget();
        }
    }

    private static Map<String, Object> snapshot(CalendarDay d) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("day", d.day().toString());
        s.put("kind", d.kind().name());
        s.put("name", d.name());
        return s;
    }
}
