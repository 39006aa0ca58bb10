/**
 * 培训班 (RULES.md T2): classes held in person by an organization for members of its subtree, their sessions,
 * enrolment, and attendance with check-in and check-out (the member's scan of the session's rotating code, the
 * organizer's entry by hand with a reason, or a life meeting's own check-in). A member completes a class when their
 * absence is at most the configured share (default 1/7) of its hours; the outcome is credited through
 * {@link cn.zhibu.learning.StudyHours} and re-credited whenever attendance changes.
 */
@org.springframework.modulith.NamedInterface("classes")
package cn.zhibu.learning.classes;
