package cn.zhibu.member;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

import java.util.Map;

/**
 * Full pinyin (for sorting) and initials (for typing {@code zs} to find 张三) of a Chinese name. Surnames that
 * read differently as surnames (曾 zēng, 单 shàn, 解 xiè …) take their surname reading.
 */
public final class PinyinNames {

    private static final Map<Character, String> SURNAME_READINGS = Map.ofEntries(
            Map.entry('曾', "zeng"), Map.entry('单', "shan"), Map.entry('解', "xie"), Map.entry('仇', "qiu"),
            Map.entry('朴', "piao"), Map.entry('查', "zha"), Map.entry('区', "ou"), Map.entry('盖', "ge"),
            Map.entry('乐', "yue"), Map.entry('华', "hua"), Map.entry('翟', "zhai"), Map.entry('尉', "yu"),
            Map.entry('种', "chong"), Map.entry('秘', "bi"), Map.entry('繁', "po"), Map.entry('覃', "qin"),
            Map.entry('长', "chang"), Map.entry('重', "chong"), Map.entry('缪', "miao"), Map.entry('员', "yun"),
            Map.entry('沈', "shen"), Map.entry('薄', "bo"), Map.entry('万', "wan"), Map.entry('卜', "bu"));

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    /** The common reading of each UTF-16 unit met so far (at most 65,536 small strings). */
    private static final String[] READINGS = new String[Character.MAX_VALUE + 1];

    private PinyinNames() {
    }

    /** {@code 张三} → {@code zhangsan}. Letters are kept, other characters dropped. */
    public static String full(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            sb.append(syllable(name.charAt(i), i == 0));
        }
        return sb.toString();
    }

    /** {@code 张三} → {@code zs}. */
    public static String initials(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            String s = syllable(name.charAt(i), i == 0);
            if (!s.isEmpty()) {
                sb.append(s.charAt(0));
            }
        }
        return sb.toString();
    }

    private static String syllable(char c, boolean surnamePosition) {
        if (surnamePosition && SURNAME_READINGS.containsKey(c)) {
            return SURNAME_READINGS.get(c);
        }
        // pinyin4j formats its readings anew on every call (a few percent of a member write's CPU): each character
        // is looked up once. A race fills a slot twice with equal strings, which is harmless.
        String known = READINGS[c];
        if (known == null) {
            known = reading(c);
            READINGS[c] = known;
        }
        return known;
    }

    private static String reading(char c) {
        if (c < 128) {
            return Character.isLetterOrDigit(c) ? String.valueOf(Character.toLowerCase(c)) : "";
        }
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return readings == null || readings.length == 0 ? "" : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }
}
