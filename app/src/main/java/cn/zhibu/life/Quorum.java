package cn.zhibu.life;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The quorum of a meeting that votes, from its roll: a 支部党员大会 (B6, 《中国共产党支部工作条例（试行）》第十一条:
 * more than half of the members with a vote present) and a 支委会 (B7, 第十二条: more than half of the committee
 * present). Counted in integers, {@code 2 × present > voting}, never by division. A meeting without quorum is still
 * held (it counts for how often the kind must be held), but what it voted is not valid: its record says
 * 未达到法定人数.
 *
 * @param applies       the meeting is of a kind that votes (B6 or B7); when false the other counts are informative
 * @param voting        invitees with a vote (正式党员 not under 留党察看)
 * @param presentVoting of them, those present (checked in, or marked present in the record)
 * @param needed        the fewest present that make a quorum
 * @param quorate       more than half of those with a vote are present
 * @param rule          the RULES.md ids that apply, e.g. "B6"; empty when none does
 * @param label         已达到法定人数 / 未达到法定人数; null for a meeting that does not vote
 * @param explanation   the count behind the label, in Chinese; null for a meeting that does not vote
 */
public record Quorum(boolean applies, int voting, int presentVoting, int needed, boolean quorate, String rule,
                     String label, String explanation) {

    public static final String NOT_QUORATE = "未达到法定人数";

    /** The quorum of a meeting of these kinds with this roll. */
    public static Quorum of(Set<MeetingKind> kinds, int voting, int presentVoting) {
        String rule = kinds.stream().filter(Quorum::votes).map(MeetingKind::rule).sorted()
                .collect(Collectors.joining("、"));
        boolean applies = !rule.isEmpty();
        boolean quorate = 2 * presentVoting > voting;
        int needed = voting / 2 + 1;
        String label = !applies ? null : quorate ? "已达到法定人数" : NOT_QUORATE;
        String explanation = !applies ? null : "应到有表决权的党员" + voting + "人，实到" + presentVoting + "人，须超过半数"
                + "（至少" + needed + "人，" + rule + "）" + (quorate ? "" : "：会议照常记录，但表决事项无效");
        return new Quorum(applies, voting, presentVoting, needed, quorate, rule, label, explanation);
    }

    /** The kinds whose meetings need a quorum: 支部党员大会 (B6) and 支委会 (B7). */
    public static boolean votes(MeetingKind kind) {
        return kind == MeetingKind.GENERAL_ASSEMBLY || kind == MeetingKind.COMMITTEE;
    }

    /** A meeting that votes and lacks its quorum: held, but its votes do not count. */
    public boolean lacking() {
        return applies && !quorate;
    }
}
