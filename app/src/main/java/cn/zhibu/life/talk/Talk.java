package cn.zhibu.life.talk;

import java.time.Instant;
import java.time.LocalDate;

/** A 谈心谈话: two members of a branch talked on a day, about a topic. */
public record Talk(long id, long orgId, String orgName, String orgPath, LocalDate heldOn, long firstMemberId,
                   String firstName, long secondMemberId, String secondName, String topic, String note,
                   String recordedBy, Instant recordedAt) {

    public boolean involves(long memberId) {
        return firstMemberId == memberId || secondMemberId == memberId;
    }
}
