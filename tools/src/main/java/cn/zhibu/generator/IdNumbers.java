package cn.zhibu.generator;

import cn.zhibu.member.Gender;
import cn.zhibu.member.IdCardNumber;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * 公民身份号码 (GB 11643) for the members of one chunk: the county's region code, the birth date, a 3-digit
 * sequence code and the check character. The sequence code's first digit is the chunk's block within its county
 * and its last digit is odd for men, so chunks generated in parallel can never produce the same number, and a
 * chunk only has to remember its own.
 */
final class IdNumbers {

    /** Sequence codes per birth date and gender within one block: ten tens digits times five gender digits. */
    private static final int SLOTS = 50;

    private final String region;
    private final int block;
    private final Set<Long> used = new HashSet<>();

    /** @param block 0–9, unique among the chunks of one county */
    IdNumbers(String region, int block) {
        if (region.length() != 6 || block < 0 || block > 9) {
            throw new IllegalArgumentException("bad region " + region + " or block " + block);
        }
        this.region = region;
        this.block = block;
    }

    /** A new number, or null in the unlikely case that this block has no free code left for the date. */
    String next(LocalDate birth, Gender gender, RandomGenerator random) {
        int start = random.nextInt(SLOTS);
        for (int k = 0; k < SLOTS; k++) {
            int slot = (start + k) % SLOTS;
            int sequence = block * 100 + slot / 5 * 10 + slot % 5 * 2 + (gender == Gender.MALE ? 1 : 0);
            if (used.add(birth.toEpochDay() * 1000 + sequence)) {
                return format(birth, sequence);
            }
        }
        return null;
    }

    private String format(LocalDate birth, int sequence) {
        char[] id = new char[18];
        region.getChars(0, 6, id, 0);
        put(id, 6, birth.getYear(), 4);
        put(id, 10, birth.getMonthValue(), 2);
        put(id, 12, birth.getDayOfMonth(), 2);
        put(id, 14, sequence, 3);
        id[17] = IdCardNumber.checkCharacter(new String(id, 0, 17));
        return new String(id);
    }

    private static void put(char[] into, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            into[at + i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
