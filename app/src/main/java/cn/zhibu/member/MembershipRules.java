package cn.zhibu.member;

import cn.zhibu.platform.FieldErrors;

import java.time.LocalDate;

/**
 * The rules a status change must meet, as pure functions (RULES.md D10, D11, R5). They refuse: each says why and cites
 * the regulation.
 */
public final class MembershipRules {

    /** D10: probation is one year, counted from the branch meeting that admitted the member. */
    public static final int PROBATION_YEARS = 1;
    /** D11: an extension of probation is at least half a year and at most a year. */
    public static final int EXTENSION_MIN_MONTHS = 6;
    public static final int EXTENSION_MAX_MONTHS = 12;
    /** R5: no contact for 6 months (and searches failed) → 停止党籍. */
    public static final int LOST_CONTACT_MONTHS = 6;
    /** R5: 2 years after 停止党籍 without contact → 除名; restoration only before that. */
    public static final int SUSPENSION_YEARS = 2;
    static final int TEXT_MAX = 500;
    /** R6: 限期改正 lasts at most a year. */
    public static final int CORRECTION_YEARS = 1;
    /** 党章 第四十条: 留党察看 lasts one year, at most two. */
    public static final int PARTY_PROBATION_YEARS = 2;

    private MembershipRules() {
    }

    /**
     * What is known of the record when the change is asked for.
     *
     * @param probationExtendedTo the end of an extended probation (D11), null when it was never extended
     */
    public record Standing(String status, LocalDate joinedOn, LocalDate lostContactSince, LocalDate archivedOn,
                           LocalDate probationExtendedTo) {

        public Standing(String status, LocalDate joinedOn, LocalDate lostContactSince, LocalDate archivedOn) {
            this(status, joinedOn, lostContactSince, archivedOn, null);
        }
    }

    public static LocalDate conversionDue(LocalDate joinedOn) {
        return joinedOn.plusYears(PROBATION_YEARS);
    }

    public static LocalDate suspensionDue(LocalDate lostContactSince) {
        return lostContactSince.plusMonths(LOST_CONTACT_MONTHS);
    }

    public static LocalDate removalDue(LocalDate suspendedOn) {
        return suspendedOn.plusYears(SUSPENSION_YEARS);
    }

    public static FieldErrors check(StatusChange c, Standing s, LocalDate today) {
        FieldErrors errors = new FieldErrors();
        if (c.kind() == null) {
            return errors.reject("kind", "请选择变更类型");
        }
        if (!c.kind().appliesTo(s.status())) {
            errors.reject("kind", "「" + c.kind().label() + "」不适用于" + statusLabel(s.status()) + "的党员");
        }
        if (blank(c.reason())) {
            errors.reject("reason", "请填写变更原因");
        } else if (c.reason().length() > TEXT_MAX) {
            errors.reject("reason", "变更原因不能超过" + TEXT_MAX + "字");
        }
        if (c.kind().needsApproval() && blank(c.approvedBy())) {
            errors.reject("approvedBy", "请填写批准的党组织（如：XX党委 2026年第3次委员会会议）");
        }
        if (c.documentRef() != null && c.documentRef().length() > 200) {
            errors.reject("documentRef", "文件编号不能超过200字");
        }
        LocalDate on = c.effectiveOn();
        if (on == null) {
            return errors.reject("effectiveOn", "请填写生效日期");
        }
        if (on.isAfter(today)) {
            errors.reject("effectiveOn", "生效日期不能晚于今天");
        } else if (on.isBefore(s.joinedOn())) {
            errors.reject("effectiveOn", "生效日期不能早于入党日期（" + s.joinedOn() + "）");
        } else if (s.archivedOn() != null && on.isBefore(s.archivedOn())) {
            errors.reject("effectiveOn", "生效日期不能早于上次状态变更日期（" + s.archivedOn() + "）");
        }
        if (!errors.has("kind") && !errors.has("effectiveOn")) {
            timing(c, on, s, errors);
        }
        return errors;
    }

    private static void timing(StatusChange c, LocalDate on, Standing s, FieldErrors errors) {
        switch (c.kind()) {
            case CONVERT -> {
                // D10: 预备期一年，自支部大会通过之日起算；D11: 延长的预备期满后方可转正
                if (s.probationExtendedTo() != null && on.isBefore(s.probationExtendedTo())) {
                    errors.reject("effectiveOn", "预备期已延长至" + s.probationExtendedTo() + "，此前不能转正"
                            + "（《发展党员工作细则》第三十二条）");
                    return;
                }
                LocalDate due = conversionDue(s.joinedOn());
                if (on.isBefore(due)) {
                    errors.reject("effectiveOn", "预备期为一年，自支部大会通过其入党之日（" + s.joinedOn() + "）起算，"
                            + due + "前不能转正（《发展党员工作细则》第三十二条）");
                }
            }
            case SUSPEND -> {
                // R5: 与党组织失去联系6个月以上、经多方寻找仍无音讯
                if (s.lostContactSince() == null) {
                    errors.reject("kind", "该党员未登记失联，不能停止党籍：请先登记失联及最后联系日期（《党员教育管理工作条例》第二十四条）");
                } else if (on.isBefore(suspensionDue(s.lostContactSince()))) {
                    errors.reject("effectiveOn", "失联（最后联系" + s.lostContactSince() + "）满6个月后方可停止党籍，即"
                            + suspensionDue(s.lostContactSince()) + "起（《党员教育管理工作条例》第二十四条）");
                }
            }
            case RESTORE -> {
                // R5: 停止党籍2年后仍无联系的予以除名，恢复只能在此之前
                LocalDate due = removalDue(s.archivedOn());
                if (!on.isBefore(due)) {
                    errors.reject("effectiveOn", "停止党籍（" + s.archivedOn() + "）已满2年，不能恢复党籍，应按自行脱党予以除名"
                            + "（《党员教育管理工作条例》第二十四条）");
                }
            }
            case EXTEND_PROBATION -> {
                // D11: 预备期满时可延长一次，延长时间不少于半年、最长不超过一年
                LocalDate due = conversionDue(s.joinedOn());
                if (s.probationExtendedTo() != null) {
                    errors.reject("kind", "预备期已延长过一次（至" + s.probationExtendedTo() + "），不能再次延长"
                            + "（《发展党员工作细则》第三十二条）");
                } else if (on.isBefore(due)) {
                    errors.reject("effectiveOn", "预备期（至" + due + "）届满时方可讨论延长，" + due + "前不能延长"
                            + "（《发展党员工作细则》第三十二条）");
                } else if (c.deadline() == null) {
                    errors.reject("deadline", "请填写延长后的预备期满日期（延长半年至一年）");
                } else if (c.deadline().isBefore(due.plusMonths(EXTENSION_MIN_MONTHS))
                        || c.deadline().isAfter(due.plusMonths(EXTENSION_MAX_MONTHS))) {
                    errors.reject("deadline", "预备期延长时间不少于半年、最长不超过一年，延长后的期满日期应在"
                            + due.plusMonths(EXTENSION_MIN_MONTHS) + "至" + due.plusMonths(EXTENSION_MAX_MONTHS)
                            + "之间（《发展党员工作细则》第三十二条）");
                }
            }
            case CORRECTION -> {
                // R6: 限期改正，期限不超过一年
                if (c.deadline() == null) {
                    errors.reject("deadline", "请填写改正期限");
                } else if (!c.deadline().isAfter(on)) {
                    errors.reject("deadline", "改正期限应晚于生效日期");
                } else if (c.deadline().isAfter(on.plusYears(CORRECTION_YEARS))) {
                    errors.reject("deadline", "限期改正的期限不超过一年，最晚" + on.plusYears(CORRECTION_YEARS)
                            + "（《党员教育管理工作条例》第三十条）");
                }
            }
            case PARTY_PROBATION -> {
                // 党章 第四十条：留党察看最长不超过两年
                if (c.deadline() == null) {
                    errors.reject("deadline", "请填写留党察看期满日期（一年或两年）");
                } else if (!c.deadline().isAfter(on)) {
                    errors.reject("deadline", "察看期满日期应晚于生效日期");
                } else if (c.deadline().isAfter(on.plusYears(PARTY_PROBATION_YEARS))) {
                    errors.reject("deadline", "留党察看最长不超过两年，最晚" + on.plusYears(PARTY_PROBATION_YEARS)
                            + "（《中国共产党章程》第四十条）");
                }
            }
            case REMOVE -> {
                if (!"SUSPENDED".equals(s.status()) && c.ground() == null) {
                    errors.reject("ground", "请选择除名的事由（《党员教育管理工作条例》第三十一条）");
                }
                if ("SUSPENDED".equals(s.status()) && on.isBefore(removalDue(s.archivedOn()))) {
                    errors.reject("effectiveOn", "停止党籍（" + s.archivedOn() + "）满2年后方可按自行脱党除名，即"
                            + removalDue(s.archivedOn()) + "起；此前与党组织取得联系的，可恢复党籍（《党员教育管理工作条例》第二十四条）");
                }
            }
            default -> {
            }
        }
    }

    public static String statusLabel(String status) {
        for (MemberStatus m : MemberStatus.values()) {
            if (m.name().equals(status)) {
                return m.label();
            }
        }
        for (ArchiveStatus a : ArchiveStatus.values()) {
            if (a.name().equals(status)) {
                return a.label();
            }
        }
        return status;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
