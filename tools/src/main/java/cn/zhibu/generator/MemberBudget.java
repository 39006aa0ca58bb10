package cn.zhibu.generator;

/**
 * The members still to be placed in a county. Branches take what they would naturally have until the budget runs
 * out; a remainder too small for a branch of its own (under 3) goes to the branch being made, so the province
 * ends with exactly the requested number of members.
 */
final class MemberBudget {

    private static final int SMALLEST_REMAINDER = 3;

    private int remaining;

    MemberBudget(int members) {
        this.remaining = members;
    }

    int remaining() {
        return remaining;
    }

    boolean exhausted() {
        return remaining == 0;
    }

    /** How many of {@code wanted} members a new branch gets: 0 once the budget is spent. */
    int take(int wanted) {
        int granted = remaining - wanted < SMALLEST_REMAINDER ? remaining : wanted;
        remaining -= granted;
        return granted;
    }
}
