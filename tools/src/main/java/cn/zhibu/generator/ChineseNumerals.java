package cn.zhibu.generator;

/** 一, 二 … 十, 十一 … 九十九: ordinals in names such as 第十二党支部 or 第三中学. */
final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    static String of(int n) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("ordinal out of range: " + n);
        }
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        String tens = n / 10 == 1 ? "十" : DIGITS.charAt(n / 10) + "十";
        return n % 10 == 0 ? tens : tens + DIGITS.charAt(n % 10);
    }

    /** 第一, 第二 … */
    static String ordinal(int n) {
        return "第" + of(n);
    }
}
