package cn.zhibu.bench;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * 公民身份号码 per GB 11643: 6-digit region, birth date (digits 7–14), 3-digit sequence whose last digit is odd for
 * men, and the ISO 7064 MOD 11-2 check character — which the app verifies, so writers must compute it.
 */
final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumbers() {
    }

    static String of(String region, LocalDate birthDate, int sequence) {
        if (region.length() != 6 || sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException("region " + region + ", sequence " + sequence);
        }
        String first17 = region + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(sequence);
        return first17 + checkCharacter(first17);
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }
}
