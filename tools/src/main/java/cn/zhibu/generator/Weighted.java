package cn.zhibu.generator;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/** Values drawn with probability proportional to integer weights. Immutable, so shared by the worker threads. */
final class Weighted<T> {

    private final List<T> values;
    private final int[] cumulative;

    private Weighted(List<T> values, int[] weights) {
        if (values.size() != weights.length || values.isEmpty()) {
            throw new IllegalArgumentException("values and weights differ in length");
        }
        this.values = List.copyOf(values);
        this.cumulative = new int[weights.length];
        int total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            cumulative[i] = total;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("weights sum to zero");
        }
    }

    static <T> Weighted<T> of(List<T> values, int... weights) {
        return new Weighted<>(values, weights);
    }

    /** Each character of {@code chars} a value, all equally likely. */
    static Weighted<Character> evenly(String chars) {
        int[] weights = new int[chars.length()];
        Arrays.fill(weights, 1);
        return new Weighted<>(chars.chars().mapToObj(c -> (char) c).toList(), weights);
    }

    T pick(RandomGenerator random) {
        int r = random.nextInt(cumulative[cumulative.length - 1]);
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (r < cumulative[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return values.get(lo);
    }
}
