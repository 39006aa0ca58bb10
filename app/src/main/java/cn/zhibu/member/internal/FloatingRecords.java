package cn.zhibu.member.internal;

import cn.zhibu.member.Inflow;
import cn.zhibu.member.InflowForm;
import cn.zhibu.member.Outflow;
import cn.zhibu.member.OutflowForm;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** 流动党员 registers: outflows scoped by the member's current organization, inflows by the registering one. */
@Repository
public class FloatingRecords {

    private static final String OUTFLOWS = """
            select f.*, m.name as member_name, m.org_id, o.name as org_name, m.org_path from floating_outflow f
            join member m on m.id = f.member_id join organization o on o.id = m.org_id""";
    private static final String INFLOWS = """
            select i.*, o.name as org_name from floating_inflow i join organization o on o.id = i.org_id""";

    private final JdbcClient jdbc;

    FloatingRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long addOutflow(long memberId, OutflowForm f, String by) {
        return jdbc.sql("""
                        insert into floating_outflow (member_id, destination, reason, left_on, fixed_place, contact,
                                                      certificate_no, last_contact_on, recorded_by, expected_months)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(memberId, f.destination().strip(), f.reason().strip(), f.leftOn(), Boolean.TRUE.equals(f.fixedPlace()),
                        blankToNull(f.contact()), blankToNull(f.certificateNo()), f.leftOn(), by, f.expectedMonths())
                .query(Long.class).single();
    }

    public Optional<Outflow> outflow(long id) {
        return jdbc.sql(OUTFLOWS + " where f.id = ?").param(id).query(this::mapOutflow).optional();
    }

    public Optional<Outflow> openOutflowOf(long memberId) {
        return jdbc.sql(OUTFLOWS + " where f.member_id = ? and f.returned_on is null").param(memberId)
                .query(this::mapOutflow).optional();
    }

    /** Outflows of members in a subtree, those still away first, then by the oldest contact. */
    public List<Outflow> outflows(TreePath subtree, boolean awayOnly, int limit) {
        return jdbc.sql(OUTFLOWS + " where m.org_path >= ? and m.org_path < ?"
                        + (awayOnly ? " and f.returned_on is null" : "")
                        + " order by f.returned_on nulls first, f.last_contact_on, f.id limit ?")
                .params(subtree.value(), subtree.upperBound(), limit).query(this::mapOutflow).list();
    }

    public void contacted(long id, LocalDate on) {
        jdbc.sql("update floating_outflow set last_contact_on = greatest(last_contact_on, ?), version = version + 1"
                + " where id = ?").params(on, id).update();
    }

    public void certificate(long id, String number) {
        jdbc.sql("update floating_outflow set certificate_no = ?, version = version + 1 where id = ?")
                .params(number, id).update();
    }

    public void returned(long id, LocalDate on) {
        jdbc.sql("update floating_outflow set returned_on = ?, last_contact_on = greatest(last_contact_on, ?),"
                + " version = version + 1 where id = ?").params(on, on, id).update();
    }

    public long addInflow(long orgId, String orgPath, InflowForm f, String by) {
        return jdbc.sql("""
                        insert into floating_inflow (org_id, org_path, name, home_org, arrived_on, contact,
                                                     certificate_no, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(orgId, orgPath, f.name().strip(), f.homeOrg().strip(), f.arrivedOn(), blankToNull(f.contact()),
                        blankToNull(f.certificateNo()), by)
                .query(Long.class).single();
    }

    public Optional<Inflow> inflow(long id) {
        return jdbc.sql(INFLOWS + " where i.id = ?").param(id).query(this::mapInflow).optional();
    }

    public Optional<String> inflowPath(long id) {
        return jdbc.sql("select org_path from floating_inflow where id = ?").param(id).query(String.class).optional();
    }

    public List<Inflow> inflows(TreePath subtree, boolean presentOnly, int limit) {
        return jdbc.sql(INFLOWS + " where i.org_path >= ? and i.org_path < ?"
                        + (presentOnly ? " and i.left_on is null" : "") + " order by i.left_on nulls first, i.id desc limit ?")
                .params(subtree.value(), subtree.upperBound(), limit).query(this::mapInflow).list();
    }

    public void inflowLeft(long id, LocalDate on) {
        jdbc.sql("update floating_inflow set left_on = ? where id = ?").params(on, id).update();
    }

    public void rewritePaths(TreePath oldPath, TreePath newPath) {
        SubtreeRewrite.rewrite(jdbc, "floating_inflow", oldPath, newPath, null);
    }

    private Outflow mapOutflow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Outflow(rs.getLong("id"), rs.getLong("member_id"), rs.getString("member_name"), rs.getLong("org_id"),
                rs.getString("org_name"), rs.getString("destination"), rs.getString("reason"),
                rs.getObject("left_on", LocalDate.class), rs.getBoolean("fixed_place"), rs.getString("contact"),
                rs.getString("certificate_no"), rs.getObject("last_contact_on", LocalDate.class),
                rs.getObject("returned_on", LocalDate.class), rs.getInt("version"),
                rs.getObject("expected_months", Integer.class));
    }

    private Inflow mapInflow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Inflow(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"), rs.getString("name"),
                rs.getString("home_org"), rs.getObject("arrived_on", LocalDate.class), rs.getString("contact"),
                rs.getString("certificate_no"), rs.getObject("left_on", LocalDate.class));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
