package cn.zhibu.life.appraisal;

import java.util.List;

/**
 * The 民主测评 as those who manage the branch see it: the turnout at any time, and the totals per 正式党员 once the
 * ballot has closed — never while it is open, when comparing the totals before and after one member's ballot would
 * show what that member chose. No one sees a voter's choices: they are stored nowhere.
 *
 * @param voters  participants who may vote (正式 and 预备党员)
 * @param voted   ballots cast
 * @param closed  the ballot has closed and {@code totals} are given
 */
public record BallotResult(long appraisalId, int voters, int voted, boolean closed, List<GradeTotals> totals) {

    public BallotResult {
        totals = List.copyOf(totals);
    }
}
