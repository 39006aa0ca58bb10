package cn.zhibu.life.compliance;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The compliance rules of RULES.md B6–B11 as pure functions: which requirements an organization owes in a period, how
 * it stands on each, and the facts the roll-up counts of it. A meeting counts for each of its kinds, by the day it was
 * held, whenever it was recorded (补录 counts for the month it was held in).
 */
public final class CompliancePolicy {

    /** The month-level fact: every requirement falling due that month is held or exempted. */
    public static final String OK = "OK";
    /** The same without the local quarterly 党课 (B9), kept for quarter-end months only. */
    public static final String OK_WITHOUT_LOCAL = "OK_NL";

    private CompliancePolicy() {
    }

    /** One fact the roll-up counts of an organization: {@code metric} for the period starting in {@code period}. */
    public record OwnFact(String metric, YearMonth period) {
    }

    /** Meetings of the requirement's kind held in the period. */
    public static int held(Collection<HeldMonth> held, Requirement requirement, CompliancePeriod period) {
        int n = 0;
        for (HeldMonth h : held) {
            if (h.kind() == requirement.kind() && period.contains(h.month())) {
                n += h.meetings();
            }
        }
        return n;
    }

    public static boolean exempted(Collection<Exempted> exemptions, Requirement requirement, CompliancePeriod period) {
        return exemptions.stream().anyMatch(e -> e.covers(requirement, period));
    }

    /** Held or exempted (whether or not owed). */
    public static boolean satisfied(Collection<HeldMonth> held, Collection<Exempted> exemptions, Requirement requirement,
                                    CompliancePeriod period) {
        return held(held, requirement, period) > 0 || exempted(exemptions, requirement, period);
    }

    /** The requirements owed whose period ends in {@code month} (falling due on its last day). */
    public static List<Requirement> dueIn(OrgProfile profile, YearMonth month, boolean withLocal) {
        List<Requirement> due = new ArrayList<>();
        for (Requirement r : Requirement.inForce(withLocal)) {
            CompliancePeriod period = CompliancePeriod.containing(r.period(), month);
            if (period.lastMonth().equals(month) && profile.owes(r, period)) {
                due.add(r);
            }
        }
        return due;
    }

    /** Where a requirement stands for the period on {@code today}. */
    public static ObligationStatus status(OrgProfile profile, Requirement requirement, CompliancePeriod period,
                                          Collection<HeldMonth> held, Collection<Exempted> exemptions, LocalDate today,
                                          boolean lectureQuarterly) {
        if ((requirement.local() && !lectureQuarterly) || !profile.owes(requirement, period)) {
            return ObligationStatus.NOT_APPLICABLE;
        }
        if (held(held, requirement, period) > 0) {
            return ObligationStatus.MET;
        }
        if (exempted(exemptions, requirement, period)) {
            return ObligationStatus.EXEMPT;
        }
        if (today.isAfter(period.lastDay())) {
            return ObligationStatus.MISSED;
        }
        return today.isBefore(period.firstDay()) ? ObligationStatus.UPCOMING : ObligationStatus.OPEN;
    }

    /**
     * The facts the roll-up counts of one organization for the given years: for each requirement owed, MET (held) or
     * else EXEMPT; per month with something due, OK when all of it is satisfied, and in a quarter's last month OK_NL
     * when all but the local 党课 is. The local 党课 is always counted here; whether it is in force is the reader's.
     */
    public static Set<OwnFact> own(OrgProfile profile, Collection<HeldMonth> held, Collection<Exempted> exemptions,
                                   Collection<Integer> years) {
        Set<OwnFact> facts = new LinkedHashSet<>();
        for (int y : years) {
            for (Requirement r : Requirement.values()) {
                if (!profile.canHold(r)) {
                    continue;
                }
                for (CompliancePeriod p : CompliancePeriod.of(r.period(), Year.of(y))) {
                    if (!profile.owes(r, p)) {
                        continue;
                    }
                    if (held(held, r, p) > 0) {
                        facts.add(new OwnFact(r.metMetric(), p.first()));
                    } else if (exempted(exemptions, r, p)) {
                        facts.add(new OwnFact(r.exemptMetric(), p.first()));
                    }
                }
            }
            for (int m = 1; m <= 12; m++) {
                YearMonth month = YearMonth.of(y, m);
                monthFacts(profile, held, exemptions, month, facts);
            }
        }
        return facts;
    }

    private static void monthFacts(OrgProfile profile, Collection<HeldMonth> held, Collection<Exempted> exemptions,
                                   YearMonth month, Set<OwnFact> facts) {
        List<Requirement> due = dueIn(profile, month, true);
        if (due.isEmpty()) {
            return;
        }
        boolean allButLocal = true;
        boolean local = true;
        for (Requirement r : due) {
            boolean ok = satisfied(held, exemptions, r, CompliancePeriod.containing(r.period(), month));
            if (r.local()) {
                local &= ok;
            } else {
                allButLocal &= ok;
            }
        }
        if (allButLocal && local) {
            facts.add(new OwnFact(OK, month));
        }
        if (allButLocal && isQuarterEnd(month)) {
            facts.add(new OwnFact(OK_WITHOUT_LOCAL, month));
        }
    }

    public static boolean isQuarterEnd(YearMonth month) {
        return month.getMonthValue() % 3 == 0;
    }

    /** The month-level metric the readers take for {@code month} with the local 党课 in force or not. */
    public static String okMetric(YearMonth month, boolean lectureQuarterly) {
        return lectureQuarterly || !isQuarterEnd(month) ? OK : OK_WITHOUT_LOCAL;
    }
}
