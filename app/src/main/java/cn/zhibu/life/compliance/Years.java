package cn.zhibu.life.compliance;

import cn.zhibu.platform.FieldErrors;

import java.time.LocalDate;

/** The year a view asks for: the current one by default, from 2020 (when counting starts) to next year. */
final class Years {

    private Years() {
    }

    static int check(Integer year, LocalDate today, FieldErrors errors) {
        if (year == null) {
            return today.getYear();
        }
        int first = Proration.TRACKED_FROM.getYear();
        int last = today.getYear() + 1;
        if (year < first || year > last) {
            errors.reject("year", "年度应在" + first + "至" + last + "之间");
            return today.getYear();
        }
        return year;
    }
}
