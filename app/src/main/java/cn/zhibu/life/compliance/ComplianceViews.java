package cn.zhibu.life.compliance;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.compliance.ComplianceHeatMap.ComplianceHeatMapCell;
import cn.zhibu.life.compliance.ComplianceHeatMap.ComplianceHeatMapRow;
import cn.zhibu.life.compliance.internal.ComplianceRecords;
import cn.zhibu.life.compliance.internal.ComplianceRecords.StoredProfile;
import cn.zhibu.life.compliance.internal.ComplianceRollup;
import cn.zhibu.life.compliance.internal.RollupRows;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.db.PlannerSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The higher committee's heat map of its subtree, read from the roll-up: a province's (300,000 organizations) reads
 * the rows of its direct children, a few thousand at most. Organization years are {@link OrganizationYears}'.
 */
@Service
@Transactional(readOnly = true)
public class ComplianceViews {

    private final OrganizationService organizations;
    private final ComplianceRollup rollup;
    private final ComplianceRecords records;
    private final ComplianceSettings settings;
    private final PlannerSettings planner;

    ComplianceViews(OrganizationService organizations, ComplianceRollup rollup, ComplianceRecords records,
                    ComplianceSettings settings, PlannerSettings planner) {
        this.organizations = organizations;
        this.rollup = rollup;
        this.records = records;
        this.settings = settings;
        this.planner = planner;
    }

    /** The kinds a filter offers: every kind whose meetings are counted (谈心谈话 is counted by its own records). */
    public static List<MeetingKind> kinds() {
        return List.of(Kinds.counted());
    }

    public ComplianceHeatMap heatMap(DataScope scope, long orgId, Integer year, String kindCode) {
        return heatMap(scope, orgId, year, kindCode, LocalDate.now());
    }

    ComplianceHeatMap heatMap(DataScope scope, long orgId, Integer year, String kindCode, LocalDate today) {
        FieldErrors errors = new FieldErrors();
        int y = Years.check(year, today, errors);
        MeetingKind kind = Kinds.parse(kindCode, "kind", errors);
        errors.throwIfAny();
        planner.withoutParallelWorkers();
        Organization org = organizations.getManaged(scope, orgId);
        List<Organization> children = organizations.children(scope, orgId, true).stream()
                .filter(c -> c.active() || c.dissolvedOn() == null || c.dissolvedOn().getYear() >= y).toList();
        List<Long> ids = new ArrayList<>();
        ids.add(org.id());
        children.forEach(c -> ids.add(c.id()));
        Selection selection = Selection.of(kind, settings.lectureQuarterly());
        RollupRows rows = rollup.read(ids, selection.series(), YearMonth.of(y, 12), selection.metrics(),
                YearMonth.of(y, 1), YearMonth.of(y, 12));
        List<ComplianceHeatMapRow> childRows = children.stream()
                .map(c -> row(c, rows, selection, y, today)).toList();
        return new ComplianceHeatMap(org.id(), org.name(), y, kind == null ? null : kind.name(), selection.kindLabel(),
                today, settings.lectureQuarterly(), childRows, row(org, rows, selection, y, today));
    }

    /** How many organizations of the subtree owe the month's selection and how many met it, from the roll-up. */
    record MonthCount(int due, int met) {
    }

    MonthCount count(long orgId, YearMonth month, Selection selection) {
        RollupRows rows = rollup.read(List.of(orgId), selection.series(), month, selection.metrics(),
                YearMonth.of(month.getYear(), 1), month);
        return new MonthCount(selection.due(rows, orgId, month), selection.met(rows, orgId, month));
    }

    private static ComplianceHeatMapRow row(Organization org, RollupRows rows, Selection selection, int year,
                                            LocalDate today) {
        List<ComplianceHeatMapCell> cells = new ArrayList<>();
        YearMonth now = YearMonth.from(today);
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            int due = selection.due(rows, org.id(), month);
            int met = selection.met(rows, org.id(), month);
            cells.add(cell(month, now, due, met));
        }
        return new ComplianceHeatMapRow(org.id(), org.name(), org.typeLabel(), org.active(), org.hasChildren(), cells);
    }

    static ComplianceHeatMapCell cell(YearMonth month, YearMonth now, int due, int met) {
        if (month.isAfter(now)) {
            return new ComplianceHeatMapCell(month.getMonthValue(), "FUTURE", due, met, null, "未到期");
        }
        if (due == 0) {
            return new ComplianceHeatMapCell(month.getMonthValue(), "NONE", 0, met, null, "无要求");
        }
        int percent = (int) (100L * met / due);
        String state = month.equals(now) ? "OPEN" : "CLOSED";
        String text = percent + "%（" + met + "/" + due + "）" + (month.equals(now) ? "进行中" : "");
        return new ComplianceHeatMapCell(month.getMonthValue(), state, due, met, percent, text);
    }

    /** The stored profile, or the organization as it is if none is stored yet. */
    StoredProfile profile(long orgId) {
        return records.profile(orgId).or(() -> records.fromOrganization(orgId)).orElseThrow();
    }
}
