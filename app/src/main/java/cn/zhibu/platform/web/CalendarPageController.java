package cn.zhibu.platform.web;

import cn.zhibu.platform.BindingProblems;
import cn.zhibu.platform.CalendarDay;
import cn.zhibu.platform.CalendarDayForm;
import cn.zhibu.platform.CalendarDayKind;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.HolidayCalendar;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.WorkingDays;
import cn.zhibu.platform.input.SensibleDate;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The holiday calendar for system administrators: one year's holidays and weekends worked, and their edits. */
@Controller
class CalendarPageController {

    private final HolidayCalendar calendar;
    private final WorkingDays workingDays;

    CalendarPageController(HolidayCalendar calendar, WorkingDays workingDays) {
        this.calendar = calendar;
        this.workingDays = workingDays;
    }

    @GetMapping("/admin/calendar")
    String year(DataScope scope, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SensibleDate("日期")
                LocalDate edit,
                Model model) {
        HolidayCalendar.requireAdmin(scope);
        int y = checkedYear(year);
        CalendarDay editing = edit == null ? null : calendar.year(edit.getYear()).stream()
                .filter(d -> d.day().equals(edit)).findFirst().orElse(null);
        if (editing != null) {
            y = edit.getYear();
        }
        CalendarDayForm form = editing == null ? new CalendarDayForm(null, CalendarDayKind.HOLIDAY, null)
                : new CalendarDayForm(editing.day(), editing.kind(), editing.name());
        return page(model, y, editing, form, Map.of());
    }

    @PostMapping("/admin/calendar")
    String add(DataScope scope, @Valid @ModelAttribute("form") CalendarDayForm form, BindingResult binding, Model model,
               RedirectAttributes redirect) {
        HolidayCalendar.requireAdmin(scope);
        try {
            BindingProblems.throwIfAny(binding);
            CalendarDay added = calendar.add(scope, form);
            redirect.addFlashAttribute("notice", "已新增 " + added.day() + "（" + added.kindLabel() + "）");
            return "redirect:/admin/calendar?year=" + added.day().getYear();
        } catch (InvalidInputException e) {
            int y = form.day() == null || form.day().getYear() < HolidayCalendar.FIRST_YEAR
                    || form.day().getYear() > HolidayCalendar.LAST_YEAR ? LocalDate.now().getYear() : form.day().getYear();
            return page(model, y, null, form, e.fieldErrors());
        }
    }

    @PostMapping("/admin/calendar/{day}")
    String update(DataScope scope,
                  @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SensibleDate("日期") LocalDate day,
                  @Valid @ModelAttribute("form") CalendarDayForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        HolidayCalendar.requireAdmin(scope);
        try {
            BindingProblems.throwIfAny(binding);
            CalendarDay saved = calendar.update(scope, day, form);
            redirect.addFlashAttribute("notice", "已修改 " + saved.day() + "（" + saved.kindLabel() + "）");
            return "redirect:/admin/calendar?year=" + day.getYear();
        } catch (InvalidInputException e) {
            CalendarDay editing = new CalendarDay(day, form.kind(), form.name());
            return page(model, checkedYear(day.getYear()), editing, form, e.fieldErrors());
        }
    }

    @PostMapping("/admin/calendar/{day}/delete")
    String remove(DataScope scope,
                  @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SensibleDate("日期") LocalDate day,
                  RedirectAttributes redirect) {
        calendar.remove(scope, day);
        redirect.addFlashAttribute("notice", "已删除 " + day + " 的安排");
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    private String page(Model model, int year, CalendarDay editing, CalendarDayForm form, Map<String, String> errors) {
        List<CalendarDay> days = calendar.year(year);
        model.addAttribute("year", year);
        model.addAttribute("days", days);
        model.addAttribute("known", !days.isEmpty());
        model.addAttribute("holidays", days.stream().filter(d -> d.kind() == CalendarDayKind.HOLIDAY).count());
        model.addAttribute("workdays", days.stream().filter(d -> d.kind() == CalendarDayKind.WORKDAY).count());
        model.addAttribute("workingDayCount",
                workingDays.workingDaysBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", CalendarDayKind.values());
        return "platform/calendar";
    }

    static int checkedYear(Integer year) {
        int y = year == null ? LocalDate.now().getYear() : year;
        if (y < HolidayCalendar.FIRST_YEAR || y > HolidayCalendar.LAST_YEAR) {
            throw InvalidInputException.of("year", "年份应在" + HolidayCalendar.FIRST_YEAR + "至"
                    + HolidayCalendar.LAST_YEAR + "之间");
        }
        return y;
    }
}
