package cn.zhibu.publishing;

import java.time.LocalDate;

/**
 * A 公示 to publish.
 *
 * @param orgId       the publishing organization (within the caller's managed scope)
 * @param startsOn    first day of the period, today or later
 * @param workingDays length of the period in working days (1–30), counted from {@code startsOn} by the holiday
 *                    calendar
 * @param subjectType what the 公示 is about, as a code of the module that asks for it (e.g. an admission case);
 *                    null with {@code subjectId} for a free-standing notice
 * @param subjectId   the id of that subject
 */
public record PublicityDraft(long orgId, String title, String body, LocalDate startsOn, int workingDays,
                             String subjectType, Long subjectId) {
}
