package cn.zhibu.generator;

/**
 * Roll-up counts of the members placed directly in one organization, kept sparse (a branch of 20 members touches
 * some 40 of the 370 keys) so that adding them to every ancestor is cheap.
 */
record HolderCounts(int orgIndex, int[] keys, int[] counts) {

    static HolderCounts of(int orgIndex, int[] dense) {
        int nonZero = 0;
        for (int n : dense) {
            if (n != 0) {
                nonZero++;
            }
        }
        int[] keys = new int[nonZero];
        int[] counts = new int[nonZero];
        for (int k = 0, i = 0; k < dense.length; k++) {
            if (dense[k] != 0) {
                keys[i] = k;
                counts[i++] = dense[k];
            }
        }
        return new HolderCounts(orgIndex, keys, counts);
    }
}
