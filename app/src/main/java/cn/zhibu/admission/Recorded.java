package cn.zhibu.admission;

import java.util.List;

/** The case after a step was recorded, and the soft rules it broke (shown to the user, kept as reminders). */
public record Recorded(AdmissionCase admissionCase, StepRecord step, List<String> warnings) {
}
