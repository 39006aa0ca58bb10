package cn.zhibu.dues;

import cn.zhibu.platform.FieldErrors;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** A month as the dues pages and API take it ("2026-03") and name it ("2026年3月"): one reading for every form. */
public final class DuesMonths {

    private DuesMonths() {
    }

    /** The month typed in {@code field}; null when blank, or when wrong (the reason then in {@code errors}). */
    public static YearMonth parse(FieldErrors errors, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            YearMonth m = YearMonth.parse(text.strip());
            if (m.getYear() < 2000 || m.getYear() > 2100) {
                errors.reject(field, "月份应在2000年至2100年之间");
                return null;
            }
            return m;
        } catch (DateTimeParseException e) {
            errors.reject(field, "月份格式为 年-月，例如 2026-03");
            return null;
        }
    }

    /**
     * The months ticked on a form ({@code field} repeated), in their order; a blank or malformed one is refused naming
     * the field, so no form reads its list of months its own way.
     */
    public static java.util.List<YearMonth> parseTicked(String field, java.util.List<String> ticked) {
        java.util.List<YearMonth> parsed = new java.util.ArrayList<>();
        for (String m : ticked == null ? java.util.List.<String>of() : ticked) {
            try {
                parsed.add(YearMonth.parse(m));
            } catch (DateTimeParseException | NullPointerException e) {
                throw cn.zhibu.platform.InvalidInputException.of(field, "月份格式不正确");
            }
        }
        return parsed;
    }

    /** "2026年3月". */
    public static String label(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }
}
