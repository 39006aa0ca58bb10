package cn.zhibu.dues;

import cn.zhibu.dues.internal.LedgerPosting;
import cn.zhibu.dues.internal.LedgerRecords;
import cn.zhibu.dues.internal.LedgerRollup;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.MonthlyRollup;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 上缴: an organization remits the dues it collected to its higher committee (the parent in the tree), period by
 * period, with the receipt; the view sets what each organization collected in a period (to remit) beside what it
 * and the organizations below it remitted, from the roll-ups. A remittance recorded wrongly is reversed like any
 * entry ({@link DuesLedger#reverse}).
 */
@Service
@Transactional(readOnly = true)
public class DuesRemittances {

    private final OrganizationService organizations;
    private final LedgerPosting posting;
    private final LedgerRecords records;
    private final LedgerRollup rollup;
    private final DuesSettings settings;

    DuesRemittances(OrganizationService organizations, LedgerPosting posting, LedgerRecords records,
                    LedgerRollup rollup, DuesSettings settings) {
        this.organizations = organizations;
        this.posting = posting;
        this.records = records;
        this.rollup = rollup;
        this.settings = settings;
    }

    /** What a remitting organization records. */
    public record Remittance(long orgId, YearMonth periodFrom, YearMonth periodTo, BigDecimal amount, LocalDate paidOn,
                             String receiptNo) {
    }

    @Transactional
    public LedgerEntry record(DataScope scope, Remittance r) {
        Organization org = organizations.getManaged(scope, r.orgId());
        FieldErrors errors = new FieldErrors();
        if (org.parentId() == null) {
            errors.reject("orgId", "最高一级的党组织没有可上缴的上级党委");
        }
        YearMonth current = YearMonth.now();
        if (r.periodFrom() == null) {
            errors.reject("periodFrom", "请填写上缴的起始月份");
        } else if (r.periodFrom().isBefore(settings.firstMonth())) {
            errors.reject("periodFrom", "起始月份不能早于本平台开始收缴党费的月份（" + settings.firstMonth() + "）");
        }
        if (r.periodTo() == null) {
            errors.reject("periodTo", "请填写上缴的截止月份");
        } else if (r.periodTo().isAfter(current)) {
            errors.reject("periodTo", "截止月份不能晚于本月");
        } else if (r.periodFrom() != null && r.periodTo().isBefore(r.periodFrom())) {
            errors.reject("periodTo", "截止月份不能早于起始月份");
        }
        if (r.amount() == null || r.amount().signum() <= 0) {
            errors.reject("amount", "请填写大于0的上缴金额");
        } else if (r.amount().stripTrailingZeros().scale() > 2 || r.amount().compareTo(DuesLedger.EXTRA_LIMIT) > 0) {
            errors.reject("amount", "金额最多两位小数，且不超过" + DuesLedger.EXTRA_LIMIT.toPlainString() + "元");
        }
        if (r.paidOn() == null) {
            errors.reject("paidOn", "请填写上缴日期");
        } else if (r.paidOn().isAfter(LocalDate.now())) {
            errors.reject("paidOn", "上缴日期不能晚于今天");
        }
        if (r.receiptNo() == null || r.receiptNo().isBlank()) {
            errors.reject("receiptNo", "请填写上级党委开具的收据号");
        } else if (r.receiptNo().strip().length() > DuesLedger.RECEIPT_LIMIT) {
            errors.reject("receiptNo", "收据号最多" + DuesLedger.RECEIPT_LIMIT + "个字符");
        }
        errors.throwIfAny();
        long id = posting.remit(scope, org.id(), org.path().value(), org.rootId(), org.parentId(), r.periodFrom(),
                r.periodTo(), r.amount().setScale(2), r.paidOn(), r.receiptNo().strip());
        return records.entry(id).orElseThrow().entry();
    }

    /** An organization's remittances and their reversals, newest first. */
    public List<LedgerEntry> remittancesOf(DataScope scope, long orgId) {
        return records.remittancesOf(organizations.getManaged(scope, orgId).id(), 200);
    }

    /**
     * One organization's period: what its subtree collected for the months (dues allocated plus voluntary extras, 分)
     * and what its subtree remitted for periods ending in them (分).
     */
    public record PeriodLine(long orgId, String orgName, long collectedCents, long remittedCents) {

        public BigDecimal collected() {
            return BigDecimal.valueOf(collectedCents, 2);
        }

        public BigDecimal remitted() {
            return BigDecimal.valueOf(remittedCents, 2);
        }

        public BigDecimal outstanding() {
            return collected().subtract(remitted());
        }
    }

    /** The organization and each organization directly below it, for the period: collected vs remitted. */
    public List<PeriodLine> period(DataScope scope, long orgId, YearMonth from, YearMonth to) {
        Organization org = organizations.getManaged(scope, orgId);
        if (from == null || to == null || to.isBefore(from) || from.plusYears(10).isBefore(to)) {
            throw cn.zhibu.platform.InvalidInputException.of("to", "请填写起止月份：截止月份不早于起始月份，且不超过10年");
        }
        List<Organization> lines = new ArrayList<>();
        lines.add(org);
        lines.addAll(organizations.children(scope, orgId, false));
        Map<Long, long[]> sums = new HashMap<>();
        for (MonthlyRollup.Row row : rollup.read(lines.stream().map(Organization::id).toList(),
                List.of(LedgerRollup.PAID, LedgerRollup.EXTRA, LedgerRollup.REMITTED), from, to)) {
            long[] s = sums.computeIfAbsent(row.orgId(), k -> new long[2]);
            s[LedgerRollup.REMITTED.equals(row.metric()) ? 1 : 0] += row.n();
        }
        return lines.stream().map(o -> {
            long[] s = sums.getOrDefault(o.id(), new long[2]);
            return new PeriodLine(o.id(), o.name(), s[0], s[1]);
        }).toList();
    }
}
