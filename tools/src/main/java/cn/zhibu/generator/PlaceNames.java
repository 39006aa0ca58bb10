package cn.zhibu.generator;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Two-character place names (青山, 桃湾, 石桥 …), never repeated within one scope such as a county. */
final class PlaceNames {

    private static final Weighted<Character> FIRST = Weighted.evenly(
            "青南东西北白石龙凤金桃柳杨梅松竹兰新永安太长高黄红清平华双三五马鹤沙湖河江溪桥山泉云玉丰兴福宝康宁顺和乐仁义德"
                    + "荷莲花枫桂榆槐杏李古洪建胜利团结光明前进向阳");
    private static final Weighted<Character> SECOND = Weighted.evenly(
            "山河湖桥塘庄集店口湾坝岗墩圩园林港溪泉坪营甸台寺洲浦泾渡阳城埠堡岭峰川田桥亭铺");

    private final RandomGenerator random;
    private final Set<String> used = new HashSet<>();

    PlaceNames(RandomGenerator random, String... reserved) {
        this.random = random;
        used.addAll(Set.of(reserved));
    }

    String next() {
        for (int attempt = 0; ; attempt++) {
            char first = FIRST.pick(random);
            char second = SECOND.pick(random);
            String name = first == second ? null : "" + first + second;
            // with thousands of combinations a scope rarely runs dry; if it does, a third character helps
            if (attempt > 50 && name != null) {
                name += SECOND.pick(random);
            }
            if (name != null && used.add(name)) {
                return name;
            }
        }
    }
}
