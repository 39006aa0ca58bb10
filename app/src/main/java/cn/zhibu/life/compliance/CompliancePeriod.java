package cn.zhibu.life.compliance;

import cn.zhibu.platform.InvalidInputException;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One month, quarter or year. A period is written as its key: {@code 2026-03}, {@code 2026-Q1}, {@code 2026}. The
 * last day of a quarter belongs to that quarter (a meeting held on 31 March counts for Q1).
 */
public record CompliancePeriod(PeriodType type, YearMonth first) {

    private static final Pattern KEY = Pattern.compile("(\\d{4})(?:-(?:(\\d{2})|Q([1-4])))?");
    private static final String[] QUARTERS = {"一", "二", "三", "四"};

    public CompliancePeriod {
        int offset = (first.getMonthValue() - 1) % type.months();
        if (offset != 0) {
            throw new IllegalArgumentException(first + " does not start a " + type);
        }
    }

    /** The period of this type that holds the month. */
    public static CompliancePeriod containing(PeriodType type, YearMonth month) {
        int start = (month.getMonthValue() - 1) / type.months() * type.months() + 1;
        return new CompliancePeriod(type, YearMonth.of(month.getYear(), start));
    }

    public static CompliancePeriod containing(PeriodType type, LocalDate day) {
        return containing(type, YearMonth.from(day));
    }

    public static CompliancePeriod month(YearMonth month) {
        return new CompliancePeriod(PeriodType.MONTH, month);
    }

    /** Every period of the type in the year, in order. */
    public static List<CompliancePeriod> of(PeriodType type, Year year) {
        List<CompliancePeriod> periods = new ArrayList<>();
        for (int m = 1; m <= 12; m += type.months()) {
            periods.add(new CompliancePeriod(type, year.atMonth(m)));
        }
        return periods;
    }

    /** A period from its key ({@code 2026-03}, {@code 2026-Q1}, {@code 2026}); a 400 naming {@code field} otherwise. */
    public static CompliancePeriod parse(String key, String field) {
        Matcher m = key == null ? null : KEY.matcher(key.strip());
        if (m == null || !m.matches()) {
            throw InvalidInputException.of(field, "期间格式应为 2026-03（月）、2026-Q1（季度）或 2026（年度）");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < Proration.TRACKED_FROM.getYear() || year > 2100) {
            throw InvalidInputException.of(field, "年份应在" + Proration.TRACKED_FROM.getYear() + "至2100之间");
        }
        if (m.group(2) != null) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw InvalidInputException.of(field, "月份应在1至12之间");
            }
            return month(YearMonth.of(year, month));
        }
        if (m.group(3) != null) {
            return new CompliancePeriod(PeriodType.QUARTER, YearMonth.of(year, Integer.parseInt(m.group(3)) * 3 - 2));
        }
        return new CompliancePeriod(PeriodType.YEAR, YearMonth.of(year, 1));
    }

    /** The month the period ends with: requirements of the period fall due on its last day. */
    public YearMonth lastMonth() {
        return first.plusMonths(type.months() - 1L);
    }

    public LocalDate firstDay() {
        return first.atDay(1);
    }

    public LocalDate lastDay() {
        return lastMonth().atEndOfMonth();
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }

    public boolean contains(YearMonth month) {
        return !month.isBefore(first) && !month.isAfter(lastMonth());
    }

    /** This period lies wholly within {@code other} (a month within its quarter, a quarter within its year). */
    public boolean within(CompliancePeriod other) {
        return other.contains(first) && other.contains(lastMonth());
    }

    public CompliancePeriod previous() {
        return new CompliancePeriod(type, first.minusMonths(type.months()));
    }

    public int year() {
        return first.getYear();
    }

    public String key() {
        return switch (type) {
            case MONTH -> first.toString();
            case QUARTER -> first.getYear() + "-Q" + ((first.getMonthValue() + 2) / 3);
            case YEAR -> Integer.toString(first.getYear());
        };
    }

    /** In Chinese: 2026年3月, 2026年第一季度, 2026年度. */
    public String label() {
        return switch (type) {
            case MONTH -> first.getYear() + "年" + first.getMonthValue() + "月";
            case QUARTER -> first.getYear() + "年第" + QUARTERS[(first.getMonthValue() - 1) / 3] + "季度";
            case YEAR -> first.getYear() + "年度";
        };
    }

    /** Relative to the period containing today: 本月 / 上月, 本季度 / 上季度, 本年度 / 上年度, else the label. */
    public String relativeLabel(LocalDate today) {
        CompliancePeriod current = containing(type, today);
        String unit = switch (type) {
            case MONTH -> "月";
            case QUARTER -> "季度";
            case YEAR -> "年度";
        };
        if (equals(current)) {
            return "本" + unit;
        }
        if (equals(current.previous())) {
            return "上" + unit;
        }
        return label();
    }

    @Override
    public String toString() {
        return key();
    }
}
