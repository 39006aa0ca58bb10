package cn.zhibu.bench;

/** The two branches one writer works in: it creates members in one and moves them to the other. */
record WriterBranches(int writer, OrgRef home, OrgRef away) {
}
