package cn.zhibu.demo;

import java.time.LocalDate;
import java.util.Random;

/** How a demo branch's current committee term is placed in time, so that the B5 warnings show up realistically. */
enum TermPlan {
    /** No committee registered (with 7 or more full members this is a B4 violation). */
    NONE,
    /** Elected one to about two and a half years ago; ends well beyond the warning window. */
    CURRENT,
    /** Set up a few months ago, e.g. a temporary branch. */
    RECENT,
    /** Ends within the next six months (B5 reminder). */
    ENDING_SOON,
    /** Ended a few months ago (B5 violation). */
    EXPIRED,
    /** By-election a few months ago of a secretary who became a full member less than a year ago (B5). */
    NEW_SECRETARY;

    static final int BRANCH_TERM_YEARS = 3;

    LocalDate start(LocalDate today, Random random) {
        return switch (this) {
            case NONE -> throw new IllegalStateException("no committee");
            // at most ~2.4 years back, so the 3-year term still has more than 6 months to run
            case CURRENT -> today.minusDays(365 + random.nextInt(500));
            case RECENT, NEW_SECRETARY -> today.minusDays(30 + random.nextInt(60));
            case ENDING_SOON -> today.minusYears(BRANCH_TERM_YEARS).plusDays(30 + random.nextInt(140));
            case EXPIRED -> today.minusYears(BRANCH_TERM_YEARS).minusDays(40 + random.nextInt(150));
        };
    }
}
