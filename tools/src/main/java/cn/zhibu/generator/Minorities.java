package cn.zhibu.generator;

import cn.zhibu.member.Ethnicities;

import java.util.List;
import java.util.random.RandomGenerator;

/** 民族: 汉族 and, for about 7.7% of members (the national share, RULES.md S1), the larger minorities. */
final class Minorities {

    /** Per ten thousand members. */
    private static final int MINORITY_SHARE = 770;

    private static final List<String> NAMES = List.of("壮族", "回族", "满族", "维吾尔族", "苗族", "彝族", "土家族",
            "藏族", "蒙古族", "侗族", "布依族", "瑶族", "白族", "朝鲜族", "哈尼族", "黎族", "哈萨克族", "傣族", "畲族", "土族");
    /** Roughly each group's share of the minority population. */
    private static final Weighted<String> MINORITIES = Weighted.of(NAMES,
            18, 15, 12, 6, 8, 7, 8, 4, 6, 4, 3, 3, 2, 3, 2, 2, 1, 1, 2, 1);

    static {
        NAMES.stream().filter(n -> !Ethnicities.isValid(n)).findAny().ifPresent(n -> {
            throw new IllegalStateException("not a 民族 of GB/T 3304: " + n);
        });
    }

    private Minorities() {
    }

    static String pick(RandomGenerator random) {
        return random.nextInt(10_000) < MINORITY_SHARE ? MINORITIES.pick(random) : Ethnicities.HAN;
    }
}
