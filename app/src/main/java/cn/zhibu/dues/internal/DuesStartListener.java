package cn.zhibu.dues.internal;

import cn.zhibu.admission.CandidateAdmitted;
import cn.zhibu.dues.DuesBaseAuditAction;
import cn.zhibu.dues.DuesSettings;
import cn.zhibu.dues.ProbationStart;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * F5: a 预备党员 pays from the branch meeting that admitted them — the meeting's month, or the next one under
 * {@link ProbationStart#NEXT_MONTH}. A plain {@code @EventListener}, inside the admission's transaction, rather than an
 * {@code @ApplicationModuleListener} after it: the start is part of the admission (no admitted member without it,
 * none recorded for an admission that rolled back), a bill run right after sees it, and the application keeps no
 * event publication registry that would retry an asynchronous listener after a crash. The secretary's inbox then
 * asks for the new member's base ({@code BillsInboxItems}) until one exists.
 */
@Component
class DuesStartListener {

    private final DuesStartRows starts;
    private final DuesSettings settings;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    DuesStartListener(DuesStartRows starts, DuesSettings settings, AuditLog audit, JdbcClient jdbc) {
        this.starts = starts;
        this.settings = settings;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CandidateAdmitted admitted) {
        YearMonth meeting = YearMonth.from(admitted.meetingOn());
        YearMonth first = settings.probationStart() == ProbationStart.NEXT_MONTH ? meeting.plusMonths(1) : meeting;
        starts.upsert(admitted.memberId(), first, DuesStartRows.ADMITTED);
        String path = jdbc.sql("select org_path from registry_member where member_id = ?").param(admitted.memberId())
                .query(String.class).optional().orElse(null);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("memberId", admitted.memberId());
        after.put("firstMonth", first.toString());
        after.put("meetingOn", admitted.meetingOn().toString());
        after.put("probationStart", settings.probationStart().name());
        audit.record(DataScope.system("发展党员"), DuesBaseAuditAction.START_RECORDED, "dues_start",
                admitted.memberId(), path, null, after);
    }
}
