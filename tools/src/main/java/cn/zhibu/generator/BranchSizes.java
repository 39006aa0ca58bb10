package cn.zhibu.generator;

import java.util.random.RandomGenerator;

/**
 * Member counts of branches: log-normal around a median that depends on the kind of branch, so most have 10–50
 * members; about 1% are down to one or two (a branch being wound up) and the tail passes 50 (B1 warnings).
 */
final class BranchSizes {

    private static final double SPREAD = 0.42;
    private static final int LARGEST = 95;
    private static final int TINY_PER_MILLE = 10;

    private final RandomGenerator random;

    BranchSizes(RandomGenerator random) {
        this.random = random;
    }

    int draw(int median) {
        if (random.nextInt(1000) < TINY_PER_MILLE) {
            return 1 + random.nextInt(2);
        }
        long size = Math.round(median * Math.exp(SPREAD * random.nextGaussian()));
        return (int) Math.max(3, Math.min(LARGEST, size));
    }
}
