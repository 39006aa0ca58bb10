package cn.zhibu.platform.inbox;

import java.util.Map;

/**
 * The regulation and article behind each RULES.md id, as the inbox cites it next to a deadline. One table, so every
 * module names a rule the same way; ids without a single article name the regulation.
 */
public final class RuleArticles {

    private static final String ADMISSION = "《中国共产党发展党员工作细则》";
    private static final String BRANCH = "《中国共产党支部工作条例（试行）》";
    private static final String EDUCATION = "《中国共产党党员教育管理工作条例》";

    private static final Map<String, String> ARTICLES = Map.ofEntries(
            Map.entry("D2", ADMISSION + "第五条"),
            Map.entry("D3", ADMISSION + "第七条"),
            Map.entry("D4", ADMISSION + "第八至十一条"),
            Map.entry("D5", ADMISSION + "第十三条"),
            Map.entry("D7", ADMISSION + "第十六、十七条"),
            Map.entry("D8", ADMISSION + "第十九条"),
            Map.entry("D9", ADMISSION + "第二十、二十一条"),
            Map.entry("D10", ADMISSION + "第二十五条"),
            Map.entry("D11", ADMISSION + "第三十二条"),
            Map.entry("D12", ADMISSION + "第三十三、三十四条"),
            Map.entry("D13", ADMISSION + "第二十六条"),
            Map.entry("D14", ADMISSION + "第三十七条"),
            Map.entry("B1", BRANCH + "第四条"),
            Map.entry("B3", BRANCH + "第五条"),
            Map.entry("B4", BRANCH + "第二十条"),
            Map.entry("B5", BRANCH + "第二十一至二十三条"),
            Map.entry("B6", BRANCH + "第十一条"),
            Map.entry("B7", BRANCH + "第十二条"),
            Map.entry("B8", BRANCH + "第十三条"),
            Map.entry("B9", BRANCH + "第十六条"),
            Map.entry("B10", BRANCH + "第十六条"),
            Map.entry("B11", BRANCH + "第十七至十九条"),
            Map.entry("P1", BRANCH + "第十八条"),
            // P2's one-third quota is common practice, not an article of a national regulation (RULES.md: [S]).
            Map.entry("P2", "民主评议党员的通行做法"),
            Map.entry("R1", EDUCATION + "第二十五条"),
            Map.entry("R2", EDUCATION + "第三十二条"),
            Map.entry("R3", EDUCATION + "第三十二条"),
            Map.entry("R4", EDUCATION + "第二十五条"),
            Map.entry("R5", EDUCATION + "第二十四条"),
            Map.entry("R6", EDUCATION + "第三十条"),
            Map.entry("F8", "《关于中国共产党党费收缴、使用和管理的规定》第十三条"),
            Map.entry("T1", EDUCATION + "第二十条"),
            // T2's 56 学时 and concentrated training are from the national training plan, not an article (RULES.md: [S]).
            Map.entry("T2", "《2019—2023年全国党员教育培训工作规划》"),
            Map.entry("L1", "党员积分制管理的通行做法"));

    private RuleArticles() {
    }

    /** The article of a rule id ("D3", or a text starting with the id such as "D10 支部大会…"), or null. */
    public static String of(String rule) {
        if (rule == null || rule.isBlank()) {
            return null;
        }
        String id = rule.strip().split("[\\s（(]", 2)[0];
        return ARTICLES.get(id);
    }

    /** The bare id of a rule text ("D10 支部大会决议后…" → "D10"), or null. */
    public static String id(String rule) {
        if (rule == null || rule.isBlank()) {
            return null;
        }
        return rule.strip().split("[\\s（(]", 2)[0];
    }
}
