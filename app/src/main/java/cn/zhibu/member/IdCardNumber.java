package cn.zhibu.member;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * 公民身份号码 per GB 11643-1999: 6-digit region code, 8-digit birth date, 3-digit sequence (odd for men, even
 * for women), and an ISO 7064 MOD 11-2 check character.
 */
public record IdCardNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("\\d{17}[\\dX]");
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** Province-level codes (the first two digits). */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82");

    /** Parses and checks; the message says in Chinese what is wrong. */
    public static IdCardNumber parse(String raw) {
        String problem = problem(raw);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new IdCardNumber(normalize(raw));
    }

    public static String normalize(String raw) {
        return raw == null ? null : raw.trim().toUpperCase();
    }

    /** Why the number is invalid, or null when it is valid. */
    public static String problem(String raw) {
        String id = normalize(raw);
        if (id == null || id.isEmpty()) {
            return "请填写身份证号";
        }
        if (!SHAPE.matcher(id).matches()) {
            return "身份证号应为18位，前17位为数字，最后一位为数字或X";
        }
        if (!PROVINCES.contains(id.substring(0, 2))) {
            return "身份证号前两位不是有效的省级行政区划代码";
        }
        if (birthDateOf(id).isEmpty()) {
            return "身份证号中的出生日期（第7至14位）无效";
        }
        if (birthDateOf(id).get().isAfter(LocalDate.now())) {
            return "身份证号中的出生日期晚于今天";
        }
        if (id.charAt(17) != checkCharacter(id.substring(0, 17))) {
            return "身份证号校验位错误，请核对（按GB 11643计算应为" + checkCharacter(id.substring(0, 17)) + "）";
        }
        return null;
    }

    public static boolean isValid(String raw) {
        return problem(raw) == null;
    }

    /** The MOD 11-2 check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public LocalDate birthDate() {
        return birthDateOf(value).orElseThrow();
    }

    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    private static Optional<LocalDate> birthDateOf(String id) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
