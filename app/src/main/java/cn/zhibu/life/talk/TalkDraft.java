package cn.zhibu.life.talk;

import java.time.LocalDate;

/**
 * A 谈心谈话 to record.
 *
 * @param orgId    the branch; null for the caller's own branch
 * @param memberId one of the two (for a member recording their own talk: the caller, or left out)
 * @param otherId  the other
 * @param heldOn   the day they talked, not in the future, at most a year back from January
 */
public record TalkDraft(Long orgId, Long memberId, Long otherId, LocalDate heldOn, String topic, String note) {
}
