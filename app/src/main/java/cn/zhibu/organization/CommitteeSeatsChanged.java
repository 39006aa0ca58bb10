package cn.zhibu.organization;

import java.util.Set;

/**
 * Published synchronously inside the committee change's transaction (a seat filled or vacated, a new term) with the
 * members whose seat began or ended, so what depends on who sits on a committee (the 学时 target, RULES.md T2)
 * changes with it.
 */
public record CommitteeSeatsChanged(long orgId, Set<Long> memberIds) {

    public CommitteeSeatsChanged {
        memberIds = Set.copyOf(memberIds);
    }
}
