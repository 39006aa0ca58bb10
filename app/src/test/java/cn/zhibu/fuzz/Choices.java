package cn.zhibu.fuzz;

import cn.zhibu.fuzz.EdgeValues.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The random choices of one request, and the labels of the edge values chosen (printed with a failure, so the kind
 * of input is named). A fresh instance per request keeps threads apart and each request reproducible.
 */
final class Choices {

    private final SplittableRandom random;
    private final List<String> labels = new ArrayList<>();

    Choices(SplittableRandom random) {
        this.random = random;
    }

    SplittableRandom random() {
        return random;
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** An edge value from the list, labelled with where it goes ("body.member.birthDate=date:max"). */
    Value edge(String where, List<Value> values) {
        Value v = pick(values);
        label(where + "=" + v.label());
        return v;
    }

    void label(String label) {
        labels.add(label);
    }

    List<String> labels() {
        return List.copyOf(labels);
    }

    byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i += 8) {
            long r = random.nextLong();
            for (int j = 0; j < 8 && i + j < n; j++) {
                bytes[i + j] = (byte) (r >>> (8 * j));
            }
        }
        return bytes;
    }
}
