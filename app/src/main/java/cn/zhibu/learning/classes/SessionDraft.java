package cn.zhibu.learning.classes;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A session to add, in China Standard Time.
 *
 * @param hours     its 学时; null: by the counting practice ({@link SessionHours#practice})
 * @param meetingId a life meeting of the organizer's scope it is held as (its times and check-in are used); null
 */
public record SessionDraft(String title, LocalDateTime startsAt, LocalDateTime endsAt, BigDecimal hours,
                           Long meetingId) {
}
