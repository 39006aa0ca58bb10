/**
 * 学时, targets and transcripts (RULES.md §7 T1, T2): the one writer of {@code study_credit}, {@code study_year} and
 * {@code study_rollup} ({@code internal.StudyLedger}, implementing {@code StudyHours}); the target of a member's year
 * from {@code study_target} and the committee seat history by the configured role-change rule; 学时 from 党课 and
 * organizational life (a {@code life.AttendanceListener}); trainings recorded from certificates; a member's hours page
 * and API; the annual transcript (PDF/A) whose QR code opens a public check of its content hash. Exposed (named
 * interface "hours") so the demo and the views part can use its services.
 */
@org.springframework.modulith.NamedInterface("hours")
package cn.zhibu.learning.hours;
