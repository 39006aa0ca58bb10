package cn.zhibu.admission;

import java.util.List;

/** The case after a correction, the correction, and the soft rules the corrected step breaks. */
public record Amended(AdmissionCase admissionCase, Amendment amendment, List<String> warnings) {
}
