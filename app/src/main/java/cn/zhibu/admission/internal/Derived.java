package cn.zhibu.admission.internal;

import cn.zhibu.admission.AdmissionStage;

import java.time.LocalDate;

/** What a case's steps imply, stored with the case for lists, counts and reminders. */
public record Derived(AdmissionStage stage, Integer nextStep, LocalDate nextDate, boolean nextEarliest,
                     LocalDate nextDue, Long memberId, LocalDate approvedOn, LocalDate convertedOn,
                     String closedReason, LocalDate closedOn) {
}
