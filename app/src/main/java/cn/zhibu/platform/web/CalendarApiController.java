package cn.zhibu.platform.web;

import cn.zhibu.platform.CalendarDay;
import cn.zhibu.platform.CalendarDayForm;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.HolidayCalendar;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.WorkingDays;
import cn.zhibu.platform.input.SensibleDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "节假日安排", description = "法定节假日与调休上班日（国务院办公厅每年的通知），公示期等按工作日计算时使用；"
        + "任何登录用户可查询，系统管理员可维护")
class CalendarApiController {

    private final HolidayCalendar calendar;
    private final WorkingDays workingDays;

    CalendarApiController(HolidayCalendar calendar, WorkingDays workingDays) {
        this.calendar = calendar;
        this.workingDays = workingDays;
    }

    /**
     * @param known       whether the year's arrangement has been entered (otherwise Monday to Friday count)
     * @param workingDays working days in the year
     * @param days        the exceptions: holidays and weekends worked
     */
    record CalendarYear(int year, boolean known, int workingDays, List<CalendarDay> days) {
    }

    record Period(LocalDate startsOn, int workingDays, LocalDate endsOn, boolean calendarKnown) {
    }

    record WorkingDayCount(LocalDate from, LocalDate to, int workingDays) {
    }

    @GetMapping
    @Operation(summary = "某年的节假日和调休上班日")
    CalendarYear year(DataScope scope, @RequestParam(required = false) Integer year) {
        int y = CalendarPageController.checkedYear(year);
        return new CalendarYear(y, workingDays.knowsYear(y),
                workingDays.workingDaysBetween(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)), calendar.year(y));
    }

    @GetMapping("/period")
    @Operation(summary = "按工作日计算期限", description = "从 startsOn 起（含当天）数 workingDays 个工作日，返回最后一个工作日")
    Period period(DataScope scope, @Parameter(description = "开始日期") @RequestParam
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SensibleDate("开始日期") LocalDate startsOn,
                  @Parameter(description = "工作日数，1–365") @RequestParam int workingDays) {
        if (workingDays < 1 || workingDays > 365) {
            throw InvalidInputException.of("workingDays", "工作日数应为1至365");
        }
        LocalDate endsOn = this.workingDays.lastDayOfPeriod(startsOn, workingDays);
        boolean known = true;
        for (int y = startsOn.getYear(); y <= endsOn.getYear(); y++) {
            known &= this.workingDays.knowsYear(y);
        }
        return new Period(startsOn, workingDays, endsOn, known);
    }

    @GetMapping("/working-days")
    @Operation(summary = "两个日期之间（均含）的工作日数")
    WorkingDayCount count(DataScope scope,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SensibleDate("起始日期") LocalDate from,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SensibleDate("截止日期") LocalDate to) {
        if (to.isAfter(from.plusYears(10))) {
            throw InvalidInputException.of("to", "区间不能超过10年");
        }
        return new WorkingDayCount(from, to, workingDays.workingDaysBetween(from, to));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新增一天（系统管理员）", description = "kind 为 HOLIDAY（放假，须填名称）或 WORKDAY（调休上班，须为周六或周日）")
    CalendarDay add(DataScope scope, @RequestBody CalendarDayForm form) {
        return calendar.add(scope, form);
    }

    @PutMapping("/{day}")
    @Operation(summary = "修改一天的类型和名称（系统管理员）")
    CalendarDay update(DataScope scope,
                       @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SensibleDate("日期") LocalDate day,
                       @RequestBody CalendarDayForm form) {
        return calendar.update(scope, day, form);
    }

    @DeleteMapping("/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除一天的安排（系统管理员）")
    void remove(DataScope scope,
                @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SensibleDate("日期") LocalDate day) {
        calendar.remove(scope, day);
    }
}
