package cn.zhibu.bench;

/**
 * An organization the reads are measured on, with the members of its subtree (from the roll-up) and one of those
 * members to search for; {@code member} is null when the subtree is empty.
 */
record SampleOrg(Level level, long id, String path, long members, SampledMember member) {

    /** Exclusive end of the subtree's path range: '/' + 1 is '0'. */
    String pathUpperBound() {
        return upperBound(path);
    }

    static String upperBound(String path) {
        return path.substring(0, path.length() - 1) + "0";
    }
}
