package cn.zhibu.member;

/**
 * Criteria of the member list. {@code text} is a name, pinyin initials ({@code zs} finds 张三), a full pinyin
 * prefix, or an 18-digit 身份证号 (exact).
 */
public record MemberSearch(Long orgId, String text, MemberStatus status, Gender gender, String ethnicity,
                           Education education, Occupation occupation, AgeBand ageBand, Integer page, Integer size) {

    public MemberSearch {
        page = page == null ? 0 : Math.max(page, 0);
        size = size == null || size <= 0 ? 20 : Math.min(size, 100);
    }

    public static MemberSearch of(Long orgId, String text) {
        return new MemberSearch(orgId, text, null, null, null, null, null, null, 0, 20);
    }
}
