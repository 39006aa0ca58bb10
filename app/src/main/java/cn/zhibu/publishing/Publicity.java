package cn.zhibu.publishing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A 公示 as a caller sees it: the notice, its period ({@code workingDays} working days from {@code startsOn} to
 * {@code endsOn}, both included) and where it stands today.
 *
 * @param status       未开始, 公示中, 已结束 or 已撤回, as of the day it was read (see {@link PublicityStatus})
 * @param commentCount comments received
 */
public record Publicity(long id, long orgId, String orgName, String orgPath, String title, String body,
                        LocalDate startsOn, LocalDate endsOn, int workingDays, String subjectType, Long subjectId,
                        String status, int commentCount, String publishedBy, Instant publishedAt,
                        Instant withdrawnAt, String withdrawnBy, String withdrawReason) {

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    /**
     * The period has been completed by {@code day}: not withdrawn, and {@code day} is after the last day. This is
     * what "公示 of at least N working days completed" means for a rule checked on {@code day}.
     */
    public boolean endedOn(LocalDate day) {
        return !withdrawn() && day.isAfter(endsOn);
    }

    /** Comments are taken on this day: not withdrawn and {@code startsOn <= day <= endsOn}. */
    public boolean openOn(LocalDate day) {
        return !withdrawn() && !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    public PublicityStatus statusOn(LocalDate day) {
        return PublicityStatus.of(startsOn, endsOn, withdrawn(), day);
    }
}
