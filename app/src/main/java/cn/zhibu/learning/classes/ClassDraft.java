package cn.zhibu.learning.classes;

import java.time.LocalDate;

/** A class to open: the organizing organization (in the caller's managed scope), what, when, where. */
public record ClassDraft(long orgId, String title, String place, LocalDate startsOn, LocalDate endsOn,
                         boolean concentrated) {
}
