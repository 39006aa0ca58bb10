package cn.zhibu.bench;

/**
 * A committee to move with its subtree, where it hangs now and where it goes. {@code preferredTarget} says
 * whether the target is a county (a LOCAL_COMMITTEE at depth 3) as the issue asks, or only the best available.
 */
record MoveCase(OrgRef subtree, long members, OrgRef parent, OrgRef target, boolean preferredTarget) {
}
