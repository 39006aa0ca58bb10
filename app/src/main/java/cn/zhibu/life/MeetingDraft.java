package cn.zhibu.life;

import java.time.LocalDateTime;
import java.util.Set;

/**
 * A meeting to schedule, or the new state of a planned one (the organization of an existing meeting does not
 * change). Fields may be missing: the service names each one that is.
 *
 * @param orgId           the organization that holds it (within the caller's managed scope)
 * @param kinds           at least one, each valid for that organization (B6–B11)
 * @param speakerMemberId 党课 (B9): the member who lectures, or null with {@code speakerName}
 * @param speakerName     党课: who lectures, when not a member of the roster
 * @param expectedVersion for an edit: the version the editor saw (null: do not check)
 */
public record MeetingDraft(long orgId, String title, Set<MeetingKind> kinds, LocalDateTime startsAt,
                           LocalDateTime endsAt, String place, String onlineLink, String agenda, Long speakerMemberId,
                           String speakerName, Integer expectedVersion) {

    public MeetingDraft {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }
}
