package cn.zhibu.member;

import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.ShortText;

/**
 * Criteria of the member list. {@code text} is the start of a name (张 or 张三), pinyin initials ({@code zs} finds
 * 张三), the start of the full pinyin ({@code zhangs}), or an 18-digit 身份证号 (exact). Pages are either numbered
 * ({@code page}, for the browser's pager) or reached by keyset from the previous page's {@code cursor}, which costs
 * the same at any depth.
 */
public record MemberSearch(Long orgId, @ShortText("查询内容") String text, MemberStatus status, Gender gender, @NameText("民族") String ethnicity,
                           Education education, Occupation occupation, AgeBand ageBand, Integer page, Integer size,
                           @ShortText("翻页位置") String cursor) {

    /** Page 0 of 20 when not given; the bounds are {@link cn.zhibu.platform.Paging}'s, checked by the search. */
    public MemberSearch {
        page = page == null ? 0 : page;
        size = size == null ? 20 : size;
    }

    public static MemberSearch of(Long orgId, String text) {
        return new MemberSearch(orgId, text, null, null, null, null, null, null, 0, 20, null);
    }

    public MemberSearch withCursor(String next) {
        return new MemberSearch(orgId, text, status, gender, ethnicity, education, occupation, ageBand, 0, size, next);
    }

    /** How many filters besides status narrow the list (the roll-up can count at most one of them). */
    int dimensionFilters() {
        int n = 0;
        for (Object f : new Object[]{gender, blankToNull(ethnicity), education, occupation, ageBand}) {
            n += f == null ? 0 : 1;
        }
        return n;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
