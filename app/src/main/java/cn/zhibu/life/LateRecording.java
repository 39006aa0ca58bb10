package cn.zhibu.life;

import cn.zhibu.platform.InvalidInputException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * 补录 (local practice, not a national rule; both windows are configuration): a meeting is recorded on time within
 * {@code onTimeDays} days after the day it was held; later it may still be recorded up to {@code lateWindowDays} days
 * after, with a reason, and is marked late; later than that it is refused. Compliance judges a meeting by the day it
 * was held, never by the day it was recorded: lateness is shown, it does not move the meeting to another period.
 */
public final class LateRecording {

    private final int onTimeDays;
    private final int lateWindowDays;

    public LateRecording(int onTimeDays, int lateWindowDays) {
        if (onTimeDays < 0 || lateWindowDays < onTimeDays) {
            throw new IllegalArgumentException("zhibu.life.record: on-time-days " + onTimeDays
                    + " must be ≥ 0 and ≤ late-window-days " + lateWindowDays);
        }
        this.onTimeDays = onTimeDays;
        this.lateWindowDays = lateWindowDays;
    }

    public static LateRecording of(RecordSettings settings) {
        return new LateRecording(settings.onTimeDays(), settings.lateWindowDays());
    }

    /**
     * Whether a meeting held on {@code heldOn} and recorded on {@code recordedOn} is on time or late (with its
     * reason). Refuses (field {@code lateReason}) a late record without a reason, and (field {@code heldOn}) one
     * beyond the window.
     */
    public Timeliness judge(LocalDate heldOn, LocalDate recordedOn, String reason) {
        long days = ChronoUnit.DAYS.between(heldOn, recordedOn);
        if (days <= onTimeDays) {
            return Timeliness.ON_TIME;
        }
        if (days > lateWindowDays) {
            throw InvalidInputException.of("heldOn", "会议于" + heldOn + "召开，距记录之日已" + days + "天，超过了召开后"
                    + lateWindowDays + "天的补录期限，不能再补录（本地规定：召开后" + onTimeDays + "天内按时记录，"
                    + lateWindowDays + "天内可补录）");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("lateReason", "会议于" + heldOn + "召开，距记录之日已" + days + "天，超过"
                    + onTimeDays + "天的按时记录期限，属于补录：请填写补录原因（召开后" + lateWindowDays + "天内可补录）");
        }
        return new Timeliness(true, reason.strip());
    }

    /** Whether a record made on {@code recordedOn} would be 补录 (for the form to ask for the reason first). */
    public boolean late(LocalDate heldOn, LocalDate recordedOn) {
        return ChronoUnit.DAYS.between(heldOn, recordedOn) > onTimeDays;
    }

    /** The earliest day a meeting recorded today may have been held (a meeting never scheduled, recorded after). */
    public LocalDate earliestHeldOn(LocalDate today) {
        return today.minusDays(lateWindowDays);
    }

    /** The last day a meeting held on {@code heldOn} is recorded on time. */
    public LocalDate onTimeUntil(LocalDate heldOn) {
        return heldOn.plusDays(onTimeDays);
    }

    public int onTimeDays() {
        return onTimeDays;
    }

    public int lateWindowDays() {
        return lateWindowDays;
    }

    /** A record on time, or late with its reason. */
    public record Timeliness(boolean late, String reason) {

        public static final Timeliness ON_TIME = new Timeliness(false, null);
    }
}
