package cn.zhibu.bench;

/** A member to search for, by name or by pinyin initials, and to open. */
record SampledMember(long id, String name, String initials, String orgPath) {
}
