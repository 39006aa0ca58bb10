package cn.zhibu.member.internal;

import cn.zhibu.member.Transfer;
import cn.zhibu.member.TransferDecision;
import cn.zhibu.member.TransferKind;
import cn.zhibu.organization.Organization;
import cn.zhibu.member.TransferStatus;
import cn.zhibu.member.TransferStep;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Year;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Transfers and their steps as stored. Scope is applied by the caller's paths, on either side. */
@Repository
public class TransferRecords {

    private static final String SELECT = """
            select t.*, coalesce(f.name, t.external_org) as from_name, coalesce(r.name, t.external_org) as to_name
            from member_transfer t
            left join organization f on f.id = t.from_org_id left join organization r on r.id = t.to_org_id""";

    private final JdbcClient jdbc;

    TransferRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A new transfer in progress, to an organization on the platform ({@code to} given) or off it ({@code externalOrg});
     * its letter number is the year and a platform-wide sequence (转字2026第000123号).
     */
    public long start(MemberRow member, TransferKind kind, Organization to, String externalOrg, List<TransferStep> chain,
                      String reason, String duesPaidUntil, LocalDate on, LocalDate validUntil, String by) {
        long id = jdbc.sql("select nextval('member_transfer_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into member_transfer (id, letter_no, member_id, member_name, from_org_id, from_org_path,
                                                     to_org_id, to_org_path, chain, status, reason, started_on,
                                                     valid_until, started_by, kind, external_org, dues_paid_until)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, letterNo(id, on), member.id(), member.name(), member.orgId(), member.orgPath(),
                        to == null ? null : to.id(), to == null ? null : to.path().value(),
                        String.join(",", chain.stream().map(Enum::name).toList()), reason, on, validUntil, by,
                        kind.name(), externalOrg, duesPaidUntil)
                .update();
        return id;
    }

    /** A member who arrived with another organization's paper letter: recorded as done. */
    public long recordInbound(long memberId, String memberName, long toOrgId, String toOrgPath, String externalOrg,
                              String paperLetterNo, LocalDate on, String by) {
        long id = jdbc.sql("select nextval('member_transfer_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into member_transfer (id, letter_no, member_id, member_name, to_org_id, to_org_path, chain,
                                                     next_step, status, reason, started_on, valid_until, started_by,
                                                     finished_at, kind, external_org, paper_letter_no)
                        values (?, ?, ?, ?, ?, ?, 'RECEIVING_ORG', 1, 'COMPLETED', '持介绍信转入', ?, ?, ?, now(),
                                'INBOUND', ?, ?)""")
                .params(id, letterNo(id, on), memberId, memberName, toOrgId, toOrgPath, on, on, by, externalOrg,
                        paperLetterNo)
                .update();
        return id;
    }

    private static String letterNo(long id, LocalDate on) {
        return String.format("转字%d第%06d号", Year.from(on).getValue(), id);
    }

    /** Transfers out of a subtree still in progress whose validity ends by {@code by} (R4 reminders). */
    public List<Transfer> endingBy(TreePath subtree, LocalDate today, LocalDate by, int limit) {
        return jdbc.sql(SELECT + " where t.status = 'IN_PROGRESS' and t.valid_until between ? and ?"
                        + " and t.from_org_path >= ? and t.from_org_path < ? order by t.valid_until, t.id limit ?")
                .params(today, by, subtree.value(), subtree.upperBound(), limit).query(this::map).list();
    }

    /**
     * Transfers in progress and still valid that touch the caller's member scope on either side (and {@code subtree},
     * if given), the nearest end of validity first: the candidates for 需我办理, which the caller then filters by who
     * may decide the awaited step.
     */
    public List<Transfer> openTouching(DataScope scope, TreePath subtree, LocalDate today, int limit) {
        Map<String, Object> p = DataScope.params();
        p.put("today", today);
        p.put("limit", limit);
        String where = " where t.status = 'IN_PROGRESS' and t.valid_until >= :today and ("
                + scope.memberScopeSql("t.from_org_path", p) + " or " + scope.memberScopeSql("t.to_org_path", p) + ")";
        if (subtree != null) {
            p.put("lo", subtree.value());
            p.put("hi", subtree.upperBound());
            where += " and ((t.from_org_path >= :lo and t.from_org_path < :hi) or (t.to_org_path >= :lo and t.to_org_path < :hi))";
        }
        return jdbc.sql(SELECT + where + " order by t.valid_until, t.id limit :limit").params(p).query(this::map).list();
    }

    public Optional<Transfer> find(long id) {
        return jdbc.sql(SELECT + " where t.id = ?").param(id).query(this::map).optional().map(this::withDecisions);
    }

    public Optional<Transfer> findByLetterNo(String letterNo) {
        return jdbc.sql(SELECT + " where t.letter_no = ?").param(letterNo).query(this::map).optional();
    }

    public Optional<Transfer> findForUpdate(long id) {
        return jdbc.sql(SELECT + " where t.id = ? for update of t").param(id).query(this::map).optional()
                .map(this::withDecisions);
    }

    /** The sending and receiving organizations' paths, for scope checks before anything is shown. */
    public Optional<String[]> paths(long id) {
        return jdbc.sql("select coalesce(from_org_path, ''), coalesce(to_org_path, '') from member_transfer where id = ?")
                .param(id)
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).optional();
    }

    /** The member's transfer in progress and still valid, if any. */
    public Optional<Long> openFor(long memberId) {
        return jdbc.sql("select id from member_transfer where member_id = ? and status = 'IN_PROGRESS'"
                        + " and valid_until >= ?")
                .params(memberId, LocalDate.now()).query(Long.class).optional();
    }

    public void decide(long id, int seq, TransferStep step, String decision, String note, String by) {
        jdbc.sql("insert into member_transfer_step (transfer_id, seq, step, decision, note, decided_by)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(id, seq, step.name(), decision, note, by).update();
    }

    public void advance(long id) {
        jdbc.sql("update member_transfer set next_step = next_step + 1, version = version + 1 where id = ?")
                .param(id).update();
    }

    public void finish(long id, TransferStatus status) {
        jdbc.sql("update member_transfer set status = ?, finished_at = now(), version = version + 1 where id = ?")
                .params(status.name(), id).update();
    }

    /** R4: transfers past their validity are closed as expired; returns how many. */
    public int expire(LocalDate today) {
        return jdbc.sql("update member_transfer set status = 'EXPIRED', finished_at = now(), version = version + 1"
                        + " where status = 'IN_PROGRESS' and valid_until < ?")
                .param(today).update();
    }

    /** The same for one member, before a new transfer of theirs starts. */
    public void expireFor(long memberId, LocalDate today) {
        jdbc.sql("update member_transfer set status = 'EXPIRED', finished_at = now(), version = version + 1"
                        + " where member_id = ? and status = 'IN_PROGRESS' and valid_until < ?")
                .params(memberId, today).update();
    }

    /**
     * A page of transfers whose sending ({@code outgoing}) or receiving side is within the caller's member scope,
     * newest first.
     */
    public List<Transfer> page(DataScope scope, boolean outgoing, TransferStatus status, cn.zhibu.platform.Paging paging) {
        Map<String, Object> p = DataScope.params();
        String where = where(scope, outgoing, status, p);
        p.put("limit", paging.size());
        p.put("offset", paging.offset());
        return jdbc.sql(SELECT + where + " order by t.id desc limit :limit offset :offset").params(p)
                .query(this::map).list();
    }

    public long count(DataScope scope, boolean outgoing, TransferStatus status) {
        Map<String, Object> p = DataScope.params();
        return jdbc.sql("select count(*) from member_transfer t" + where(scope, outgoing, status, p)).params(p)
                .query(Long.class).single();
    }

    public void rewritePaths(TreePath oldPath, TreePath newPath) {
        for (String column : List.of("from_org_path", "to_org_path")) {
            jdbc.sql("update member_transfer set " + column + " = ? || substr(" + column + ", ?) where " + column
                            + " >= ? and " + column + " < ?")
                    .params(newPath.value(), oldPath.value().length() + 1, oldPath.value(), oldPath.upperBound())
                    .update();
        }
    }

    private static String where(DataScope scope, boolean outgoing, TransferStatus status, Map<String, Object> p) {
        String where = " where " + scope.memberScopeSql(outgoing ? "t.from_org_path" : "t.to_org_path", p);
        if (status != null) {
            // by the status as shown: a transfer past its validity is expired even before the hourly job says so
            p.put("status", status.name());
            p.put("today", LocalDate.now());
            where += switch (status) {
                case IN_PROGRESS -> " and t.status = 'IN_PROGRESS' and t.valid_until >= :today";
                case EXPIRED -> " and (t.status = 'EXPIRED' or (t.status = 'IN_PROGRESS' and t.valid_until < :today))";
                default -> " and t.status = :status";
            };
        }
        return where;
    }

    private Transfer map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        LocalDate validUntil = rs.getObject("valid_until", LocalDate.class);
        TransferStatus status = TransferStatus.valueOf(rs.getString("status"));
        if (status == TransferStatus.IN_PROGRESS && LocalDate.now().isAfter(validUntil)) {
            status = TransferStatus.EXPIRED; // R4: shown as it is, before the hourly job records it
        }
        return new Transfer(rs.getLong("id"), rs.getString("letter_no"), rs.getLong("member_id"),
                rs.getString("member_name"), rs.getLong("from_org_id"), rs.getString("from_name"),
                rs.getLong("to_org_id"), rs.getString("to_name"),
                Arrays.stream(rs.getString("chain").split(",")).map(TransferStep::valueOf).toList(),
                rs.getInt("next_step"), status, rs.getString("reason"),
                rs.getObject("started_on", LocalDate.class), validUntil,
                rs.getString("started_by"), List.of(), rs.getInt("version"),
                TransferKind.valueOf(rs.getString("kind")), rs.getString("paper_letter_no"),
                rs.getString("dues_paid_until"));
    }

    private Transfer withDecisions(Transfer t) {
        List<TransferDecision> decisions = jdbc.sql("select * from member_transfer_step where transfer_id = ? order by seq")
                .param(t.id())
                .query((rs, i) -> new TransferDecision(rs.getInt("seq"), TransferStep.valueOf(rs.getString("step")),
                        rs.getString("decision"), rs.getString("note"), rs.getString("decided_by"),
                        rs.getObject("decided_at", Timestamp.class).toInstant()))
                .list();
        return new Transfer(t.id(), t.letterNo(), t.memberId(), t.memberName(), t.fromOrgId(), t.fromOrgName(),
                t.toOrgId(), t.toOrgName(), t.chain(), t.nextStep(), t.status(), t.reason(), t.startedOn(),
                t.validUntil(), t.startedBy(), decisions, t.version(), t.kind(), t.paperLetterNo(), t.duesPaidUntil());
    }
}
