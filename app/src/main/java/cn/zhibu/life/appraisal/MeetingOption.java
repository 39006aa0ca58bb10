package cn.zhibu.life.appraisal;

import java.time.LocalDate;

/** A recorded 支委会 or 党员大会 of the branch that the grades may have been proposed at. */
public record MeetingOption(long id, String title, LocalDate heldOn, String kinds) {
}
