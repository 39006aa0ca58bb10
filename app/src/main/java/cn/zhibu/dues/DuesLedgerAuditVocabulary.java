package cn.zhibu.dues;

import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditSubject;
import cn.zhibu.platform.AuditSubject.RecordLinks;
import cn.zhibu.platform.AuditVocabulary;
import cn.zhibu.platform.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the 党费 ledger's audit entries read: payments, extras, reversals, remittances and the Center's receipts. */
@Component
class DuesLedgerAuditVocabulary implements AuditVocabulary {

    private final JdbcClient jdbc;

    DuesLedgerAuditVocabulary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(DuesLedgerAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(AuditSubject.of("dues_entry", "党费账目")
                .field("kind", "类别", LedgerEntryKind.class, LedgerEntryKind::label)
                .field("amount", "金额（元）")
                .field("method", "交纳方式", PaymentMethod.class, PaymentMethod::label)
                .field("receiptNo", "收据号")
                .field("payer", "交纳人", Payer.class, Payer::label)
                .field("payerName", "代交人")
                .field("paidOn", "交纳日期")
                .field("consent", "同意补交或预交的人")
                .field("toCenter", "交至中央")
                .field("reverses", "冲正的账目")
                .field("reason", "冲正原因")
                .field("months", "所交月份及金额")
                .field("periodFrom", "上缴起始月")
                .field("periodTo", "上缴截止月")
                .field("centerReceiptNo", "中组部收据号")
                .field("receivedOn", "收据日期")
                .hidden("memberId", "orgId", "onlineOrder", "toOrgId", "entryId")
                .title("receiptNo", "amount")
                .links(this::entryLinks));
    }

    /** A member's entry links to the member's ledger, a remittance to its organization's remittances. */
    private Map<String, String> entryLinks(DataScope scope, Collection<String> entityIds) {
        List<Long> ids = RecordLinks.numericIds(entityIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = DataScope.params();
        String inScope = scope.memberScopeSql("o.path", params);
        params.put("ids", ids);
        Map<String, String> links = new LinkedHashMap<>();
        jdbc.sql("select e.id, e.member_id, e.org_id from dues_entry e join organization o on o.id = e.org_id"
                        + " where e.id in (:ids) and " + inScope).params(params)
                .query((rs, i) -> {
                    long memberId = rs.getLong(2);
                    return links.put(Long.toString(rs.getLong(1)), rs.wasNull()
                            ? "/dues/remittances?org=" + rs.getLong(3) : "/dues/members/" + memberId + "/ledger");
                }).list();
        return links;
    }
}
