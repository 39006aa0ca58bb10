package cn.zhibu.bench;

import java.time.LocalDate;
import java.util.Random;

/**
 * New members for the writers, each with a 身份证号 that is valid and unique: writer and sequence number map to a
 * distinct (birth date, sequence) pair. The region code 119xxx does not exist (Beijing's are 1101xx/1102xx), so
 * the numbers cannot clash with generated people, and its last three digits change per run, so a run whose clean-up
 * was interrupted does not make the next one fail on duplicates.
 */
final class MemberDrafts {

    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1960, 1, 1);
    /** Born 1960–1984: all of them joined at 25, long enough ago to have been converted to full a year later. */
    private static final int BIRTH_DAYS = 9_000;
    /** Per birth date: sequence 000–899, the parity giving the gender. */
    private static final int PER_DAY = 450;
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华";

    private final String region;
    private final int daysPerWriter;

    MemberDrafts(int writers, Random random) {
        this.region = "119" + "%03d".formatted(random.nextInt(1000));
        this.daysPerWriter = Math.max(1, BIRTH_DAYS / writers);
    }

    /** How many members one writer can create before its numbers would run into the next writer's. */
    int capacityPerWriter() {
        return daysPerWriter * PER_DAY;
    }

    MemberDraft draft(int writer, int sequence, long orgId) {
        LocalDate birth = FIRST_BIRTH_DATE.plusDays((long) writer * daysPerWriter + sequence / PER_DAY);
        boolean male = sequence % 2 == 0;
        String idNumber = IdNumbers.of(region, birth, (sequence % PER_DAY) * 2 + (male ? 1 : 0));
        String name = "" + SURNAMES.charAt(sequence % SURNAMES.length())
                + GIVEN.charAt((sequence / SURNAMES.length() + writer) % GIVEN.length());
        String phone = "139" + "%08d".formatted((writer * 1_000_003L + sequence) % 100_000_000L);
        return new MemberDraft(orgId, name, male, birth, idNumber, phone, true, birth.plusYears(25), "党员");
    }
}
