package cn.zhibu.demo;

import cn.zhibu.member.Gender;

import java.util.Collection;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Plausible Chinese names: surnames weighted roughly by how common they are, one- or two-character given names
 * that read as male or female. Never repeats a name, so a demo search for a name finds one person.
 */
final class ChineseNames {

    /** Surnames by frequency tier, with the weight of each surname in the tier. */
    private static final String[] SURNAME_TIERS = {
            "王李张", "刘陈", "杨黄赵吴周", "徐孙马朱胡郭何林高罗",
            "郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟"
                    + "熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔向汤"};
    private static final int[] TIER_WEIGHTS = {70, 50, 22, 12, 5};

    private static final String MALE_FIRST = "文建志国海春明德永宏立新子思嘉一俊振学家晓云天浩";
    private static final String MALE_LAST = "伟强军勇杰涛斌峰磊超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳东文海晨博宏亮成振兵毅翔睿哲昊轩然泽瑞松柏荣彬";
    private static final String FEMALE_FIRST = "晓丽春秀玉小红思雨嘉佳亚欣雪静美慧文海月婉";
    private static final String FEMALE_LAST = "芳娜敏静丽艳娟霞燕玲婷雪琳颖倩洁慧莉萍红梅琴蕾晶璐薇佳欣怡悦瑶妍雯月蓉楠菲丹媛露岚";

    private final Random random;
    private final Set<String> used;
    private final char[] surnames;
    private final int[] cumulativeWeights;

    /** @param reserved names given to fixed demo people, never generated */
    ChineseNames(Random random, Collection<String> reserved) {
        this.random = random;
        this.used = new HashSet<>(reserved);
        int count = 0;
        for (String tier : SURNAME_TIERS) {
            count += tier.length();
        }
        surnames = new char[count];
        cumulativeWeights = new int[count];
        int i = 0;
        int total = 0;
        for (int t = 0; t < SURNAME_TIERS.length; t++) {
            for (char c : SURNAME_TIERS[t].toCharArray()) {
                total += TIER_WEIGHTS[t];
                surnames[i] = c;
                cumulativeWeights[i++] = total;
            }
        }
    }

    String next(Gender gender) {
        while (true) {
            String name = surname() + givenName(gender);
            if (used.add(name)) {
                return name;
            }
        }
    }

    private char surname() {
        int r = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
        for (int i = 0; i < surnames.length; i++) {
            if (r < cumulativeWeights[i]) {
                return surnames[i];
            }
        }
        throw new IllegalStateException();
    }

    private String givenName(Gender gender) {
        boolean male = gender == Gender.MALE;
        char last = pick(male ? MALE_LAST : FEMALE_LAST);
        if (random.nextInt(100) < 35) {
            return String.valueOf(last);
        }
        char first = pick(male ? MALE_FIRST : FEMALE_FIRST);
        return first == last ? String.valueOf(first) : "" + first + last;
    }

    private char pick(String pool) {
        return pool.charAt(random.nextInt(pool.length()));
    }
}
