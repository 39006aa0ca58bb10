package cn.zhibu.admission;

import java.time.LocalDate;

/**
 * A deadline of the workflow due soon or passed (D3, D4, D10, D12 …), for the to-do list of whoever must act;
 * {@code callerActs} tells whether that is the caller (the branch for its own steps, a committee above it for
 * the higher committee's).
 */
public record AdmissionReminder(long caseId, String name, long orgId, String orgName, String orgPath, AdmissionStep step,
                                StepActor actor, LocalDate due, boolean overdue, String rule, boolean callerActs) {
}
