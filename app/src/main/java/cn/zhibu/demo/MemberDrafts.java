package cn.zhibu.demo;

import cn.zhibu.demo.OrgPlan.NamedPerson;
import cn.zhibu.member.Education;
import cn.zhibu.member.Ethnicities;
import cn.zhibu.member.Gender;
import cn.zhibu.member.MemberForm;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.Occupation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;

/**
 * Makes the member forms of one demo branch. The first member is the branch's future secretary (senior, full,
 * long 党龄); the last few are 预备党员 who joined within the past year; everyone in between is a full member.
 */
final class MemberDrafts {

    /** What a drafted member is to be. */
    enum Kind { LEADER, NEW_LEADER, FULL, PROBATIONARY }

    private static final String[] MINORITIES = {"回族", "回族", "回族", "满族", "满族", "蒙古族", "蒙古族", "壮族",
            "土家族", "朝鲜族"};

    private final Random random;
    private final LocalDate today;
    private final ChineseNames names;
    private final PersonalNumbers numbers;

    MemberDrafts(Random random, LocalDate today, Collection<String> reservedNames) {
        this.random = random;
        this.today = today;
        this.names = new ChineseNames(random, reservedNames);
        this.numbers = new PersonalNumbers(random);
    }

    /** Forms for all members of {@code branch}, spread evenly over {@code holderIds} (the branch or its 党小组). */
    List<MemberForm> forBranch(OrgPlan branch, List<Long> holderIds) {
        int size = branch.members();
        int probationary = branch.probationary() != null ? branch.probationary() : random.nextInt(size / 5 + 1);
        List<MemberForm> forms = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Kind kind = i == 0 ? (branch.term() == TermPlan.NEW_SECRETARY ? Kind.NEW_LEADER : Kind.LEADER)
                    : i >= size - probationary ? Kind.PROBATIONARY : Kind.FULL;
            NamedPerson named = i < branch.named().size() ? branch.named().get(i) : null;
            forms.add(draft(kind, branch, named, holderIds.get(i % holderIds.size())));
        }
        return forms;
    }

    private MemberForm draft(Kind kind, OrgPlan branch, NamedPerson named, long orgId) {
        Workforce staff = branch.workforce();
        Gender gender = named != null ? named.gender() : random.nextInt(100) < 30 ? Gender.FEMALE : Gender.MALE;
        int age = age(kind, staff, gender);
        LocalDate birth = today.minusYears(age).minusDays(1 + random.nextInt(364));
        String ethnicity = random.nextInt(100) < 4 ? MINORITIES[random.nextInt(MINORITIES.length)] : Ethnicities.HAN;
        String name = named != null ? named.name() : names.next(gender);
        String idNumber = numbers.idNumber(ethnicity, birth, gender);
        Occupation occupation = occupation(kind, staff);
        LocalDate joined = joinedOn(kind, birth);
        LocalDate converted = kind == Kind.PROBATIONARY ? null : joined.plusYears(1);
        MemberStatus status = kind == Kind.PROBATIONARY ? MemberStatus.PROBATIONARY : MemberStatus.FULL;
        String unit = branch.workUnits().get(random.nextInt(branch.workUnits().size()));
        return new MemberForm(orgId, name, gender, ethnicity, birth, idNumber, numbers.mobile(),
                education(occupation, staff), occupation, status, joined, converted,
                jobTitle(kind, branch, occupation, age), unit);
    }

    private int age(Kind kind, Workforce staff, Gender gender) {
        return switch (kind) {
            case LEADER -> staff == Workforce.RETIREES ? 63 + random.nextInt(7) : 42 + random.nextInt(15);
            case NEW_LEADER -> 33 + random.nextInt(7);
            case PROBATIONARY -> 23 + random.nextInt(12);
            case FULL -> staff == Workforce.RETIREES
                    ? (gender == Gender.MALE ? 61 : 56) + random.nextInt(gender == Gender.MALE ? 10 : 15)
                    // bell-shaped over 23–59, most around 40
                    : 23 + random.nextInt(19) + random.nextInt(19);
        };
    }

    /** Not before 18 (D2), and for full members at least a year ago so that the 转正 date is not in the future. */
    private LocalDate joinedOn(Kind kind, LocalDate birth) {
        return switch (kind) {
            case LEADER -> birth.plusYears(22 + random.nextInt(8)).plusDays(random.nextInt(365));
            // became full about eight months ago: under the one year of 党龄 a secretary should have (B5)
            case NEW_LEADER -> today.minusMonths(20).minusDays(random.nextInt(20));
            case PROBATIONARY -> today.minusDays(1 + random.nextInt(360));
            case FULL -> {
                LocalDate earliest = birth.plusYears(19);
                LocalDate latest = today.minusYears(1).minusDays(1);
                long span = Math.min(ChronoUnit.DAYS.between(earliest, latest), 20 * 365L);
                yield earliest.plusDays(span <= 0 ? 0 : random.nextLong(span + 1));
            }
        };
    }

    private Occupation occupation(Kind kind, Workforce staff) {
        if (kind != Kind.FULL && kind != Kind.PROBATIONARY || random.nextDouble() < staff.mainShare()) {
            return staff.main();
        }
        // government offices employ 工勤 staff; institutions also have administrative managers
        return staff == Workforce.CIVIL_SERVANTS || random.nextBoolean() ? Occupation.WORKER : Occupation.MANAGER;
    }

    private Education education(Occupation occupation, Workforce staff) {
        int[] weights = occupation == Occupation.WORKER ? Workforce.WORKER_EDUCATION : staff.education();
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return Education.values()[i];
            }
        }
        throw new IllegalStateException();
    }

    private String jobTitle(Kind kind, OrgPlan branch, Occupation occupation, int age) {
        Workforce staff = branch.workforce();
        if (kind == Kind.LEADER || kind == Kind.NEW_LEADER) {
            String title = staff == Workforce.CIVIL_SERVANTS && branch.name().contains("办公室")
                    ? "办公室主任" : staff.leaderTitle();
            return kind == Kind.NEW_LEADER ? "副" + title : title;
        }
        String[] titles = switch (occupation) {
            case WORKER -> Workforce.WORKER_TITLES;
            case MANAGER -> staff == Workforce.ADMINISTRATORS ? staff.titlesAt(age)
                    : new String[]{Workforce.MANAGER_TITLES_BY_AGE[Workforce.ageBand(age)]};
            default -> staff.titlesAt(age);
        };
        return titles[random.nextInt(titles.length)];
    }
}
