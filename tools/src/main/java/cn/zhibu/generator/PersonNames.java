package cn.zhibu.generator;

import cn.zhibu.member.Gender;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Chinese names: surnames weighted by how common they are nationally (王, 李, 张 about 7% each, down to rare
 * compound surnames), given names of one or two characters in the fashion of the person's birth years — a 建国
 * born in the 1950s, a 梓涵 born in the 2000s. Names repeat across a province, as real ones do.
 */
final class PersonNames {

    /** Surnames separated by spaces, each with its weight per ten thousand people. */
    private static final Object[][] SURNAME_TIERS = {
            {"王", 710}, {"李", 700}, {"张", 660}, {"刘", 540}, {"陈", 450}, {"杨", 310}, {"黄", 240}, {"赵", 230},
            {"吴", 200}, {"周", 190}, {"徐", 160}, {"孙", 150}, {"马", 140}, {"朱", 130}, {"胡", 120},
            {"郭 何", 110}, {"林 高", 100}, {"罗", 90}, {"郑 梁", 80}, {"谢", 70}, {"宋 唐 许 韩", 60},
            {"冯 邓 曹 彭 曾 肖", 50}, {"田 董 袁 潘 于 蒋 蔡 余 杜 叶 程", 40},
            {"苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖", 30},
            {"贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵", 20},
            {"万 钱 严 武 戴 孔 向 汤", 10}, {"欧阳", 2}, {"司马 诸葛 上官", 1}};

    private static final Weighted<String> SURNAMES = surnames();

    /** Given-name characters of one generation: first and second character, for men and for women. */
    private record Fashion(int bornBefore, int singlePercent, Weighted<Character> maleFirst,
                           Weighted<Character> maleSecond, Weighted<Character> femaleFirst,
                           Weighted<Character> femaleSecond) {

        Fashion(int bornBefore, int singlePercent, String maleFirst, String maleSecond, String femaleFirst,
                String femaleSecond) {
            this(bornBefore, singlePercent, Weighted.evenly(maleFirst), Weighted.evenly(maleSecond),
                    Weighted.evenly(femaleFirst), Weighted.evenly(femaleSecond));
        }
    }

    private static final List<Fashion> FASHIONS = List.of(
            new Fashion(1965, 25, "建国志德文永光明学春振玉长树庆金宝福世", "国华民军林生明平忠成荣福贵祥山海田武强才德义胜发",
                    "秀玉桂淑凤美兰金素春", "英兰珍芳华梅琴凤霞云秀芬娥荣香"),
            new Fashion(1990, 35, "建志国海晓立新俊宏永伟小文云", "伟强军勇杰涛斌峰磊超明刚平辉鹏华飞波东亮兵林宁龙",
                    "晓丽春秀玉小红海雪静美慧文亚", "丽艳娟霞燕玲敏静婷红梅琴芳娜萍莉洁慧颖"),
            new Fashion(Integer.MAX_VALUE, 15, "子浩宇俊嘉一梓思博天家泽明晨皓宸", "轩宇浩然博睿哲昊泽瑞凯鑫晨阳航辰铭杰豪诚逸",
                    "欣梓思雨佳诗可子语若雅心一晓", "怡悦瑶妍雯琳萱涵琪彤馨月露蕊楠菲晗钰婷"));

    private PersonNames() {
    }

    static String next(Gender gender, int birthYear, RandomGenerator random) {
        Fashion fashion = FASHIONS.get(FASHIONS.size() - 1);
        for (Fashion f : FASHIONS) {
            if (birthYear < f.bornBefore()) {
                fashion = f;
                break;
            }
        }
        boolean male = gender == Gender.MALE;
        StringBuilder name = new StringBuilder(4).append(SURNAMES.pick(random));
        if (random.nextInt(100) >= fashion.singlePercent()) {
            name.append((male ? fashion.maleFirst() : fashion.femaleFirst()).pick(random).charValue());
        }
        return name.append((male ? fashion.maleSecond() : fashion.femaleSecond()).pick(random).charValue())
                .toString();
    }

    private static Weighted<String> surnames() {
        List<String> names = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (Object[] tier : SURNAME_TIERS) {
            for (String surname : ((String) tier[0]).split(" ")) {
                names.add(surname);
                weights.add((Integer) tier[1]);
            }
        }
        return Weighted.of(names, weights.stream().mapToInt(Integer::intValue).toArray());
    }
}
