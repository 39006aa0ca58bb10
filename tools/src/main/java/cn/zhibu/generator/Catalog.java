package cn.zhibu.generator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/** A county's supply of unit names that exist once each (教育局, 人民医院 …), handed out in a shuffled order. */
final class Catalog {

    private final Deque<String> left;

    /** @param leading names handed out first, in order (every county has a 人民医院 before a 精神卫生中心) */
    Catalog(RandomGenerator random, List<String> leading, List<String> others) {
        List<String> shuffled = new ArrayList<>(others);
        Collections.shuffle(shuffled, new Random(random.nextLong()));
        left = new ArrayDeque<>(leading);
        left.addAll(shuffled);
    }

    boolean isEmpty() {
        return left.isEmpty();
    }

    String next() {
        return left.poll();
    }

    /** Up to {@code n} labels from a list, in shuffled order, for the branches of one unit. */
    static List<String> some(RandomGenerator random, List<String> labels, int n) {
        List<String> shuffled = new ArrayList<>(labels);
        Collections.shuffle(shuffled, new Random(random.nextLong()));
        return shuffled.subList(0, Math.min(n, shuffled.size()));
    }
}
