package cn.zhibu.member;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PinyinNamesTest {

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource({
            "张三,     zhangsan,    zs",
            "李四,     lisi,        ls",
            "欧阳娜娜, ouyangnana,  oynn",
            "曾国藩,   zengguofan,  zgf",   // 曾 as surname: zēng
            "单田芳,   shantianfang, stf",  // 单 as surname: shàn
            "解缙,     xiejin,      xj",    // 解 as surname: xiè
            "仇英,     qiuying,     qy",    // 仇 as surname: qiú
            "朴树,     piaoshu,     ps",    // 朴 as surname: piáo
    })
    void pinyin_of_names(String name, String full, String initials) {
        assertThat(PinyinNames.full(name)).isEqualTo(full);
        assertThat(PinyinNames.initials(name)).isEqualTo(initials);
    }

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource({
            "Tom张,   tomzhang, tomz",
            "张·三,   zhangsan, zs",
            "'张 三', zhangsan, zs",
            "'',      '',       ''",
    })
    void letters_kept_other_characters_dropped(String name, String full, String initials) {
        assertThat(PinyinNames.full(name)).isEqualTo(full);
        assertThat(PinyinNames.initials(name)).isEqualTo(initials);
    }
}
