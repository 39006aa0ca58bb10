package cn.zhibu.admission.internal;

import cn.zhibu.admission.AdmissionStage;
import cn.zhibu.admission.Amendment;
import cn.zhibu.admission.AdmissionStep;
import cn.zhibu.admission.RuleSet;
import cn.zhibu.admission.StepForm;
import cn.zhibu.admission.StepRecord;
import cn.zhibu.member.Education;
import cn.zhibu.member.Gender;
import cn.zhibu.member.Occupation;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Admission cases and their steps. A case names its branch ({@code org_id}) and carries no copy of its path (V61): a
 * subtree's cases and the caller's scope are found through the organizations' paths, so a move rewrites no case.
 */
@Repository
public class AdmissionRecords {

    private static final String COLUMNS = """
            c.id, c.org_id, o.name as org_name, o.path as org_path, c.root_id, c.name, c.gender, c.birth_date, c.id_number_enc,
            c.phone_enc, c.id_number_masked, c.phone_masked, c.ethnicity, c.education, c.occupation, c.work_unit, c.stage, c.applied_on, c.next_step,
            c.next_date, c.next_earliest, c.next_due, c.member_id, c.approved_on, c.converted_on, c.closed_reason, c.closed_on, c.version
            """;
    private static final String FROM = " from admission_case c join organization o on o.id = c.org_id";
    /** At most this many cases to read, and ... */
    private static final long FEW_CASES = 5_000;
    /** ... at most this many organizations to look them up in: read organization by organization. */
    private static final long FEW_ORGANIZATIONS = 10_000;

    private static final RowMapper<CaseRow> MAPPER = (rs, i) -> new CaseRow(rs.getLong("id"), rs.getLong("org_id"),
            rs.getString("org_name"), rs.getString("org_path"), rs.getLong("root_id"), rs.getString("name"),
            Gender.valueOf(rs.getString("gender")), rs.getObject("birth_date", LocalDate.class),
            rs.getBytes("id_number_enc"), rs.getBytes("phone_enc"), rs.getString("id_number_masked"),
            rs.getString("phone_masked"), rs.getString("ethnicity"),
            Education.valueOf(rs.getString("education")), Occupation.valueOf(rs.getString("occupation")),
            rs.getString("work_unit"), AdmissionStage.valueOf(rs.getString("stage")),
            rs.getObject("applied_on", LocalDate.class), rs.getObject("next_step", Integer.class),
            rs.getObject("next_date", LocalDate.class), rs.getBoolean("next_earliest"),
            rs.getObject("next_due", LocalDate.class), rs.getObject("member_id", Long.class),
            rs.getObject("approved_on", LocalDate.class), rs.getObject("converted_on", LocalDate.class),
            rs.getString("closed_reason"),
            rs.getObject("closed_on", LocalDate.class), rs.getInt("version"));

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AdmissionRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * How to read a subtree's (or a scope's) cases, from its roll-ups: organization by organization
     * ({@link #byOrganization}) when it holds few of the cases asked for in few organizations, then sorted; otherwise
     * the province's cases walked in the order asked for (admission_case_pipeline, admission_case_stage,
     * admission_case_due), each one's organization looked up, where a large subtree's come soon and a rare stage's
     * are few. At 5 M members a county's first page (2,300 open cases, 2,100 organizations) took 50 ms walked and 9 by
     * organization; the province's page of a stage without cases 1.1–1.4 s by organization (306,000 of them).
     */
    public static boolean readByOrganization(long cases, long organizations) {
        return cases <= FEW_CASES && organizations <= FEW_ORGANIZATIONS;
    }

    public long insert(CaseRow c, byte[] idHash) {
        return jdbc.sql("""
                        insert into admission_case(org_id, root_id, name, gender, birth_date, id_number_enc,
                          id_number_hash, phone_enc, id_number_masked, phone_masked, ethnicity, education,
                          occupation, work_unit, stage, applied_on)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(c.orgId(), c.rootId(), c.name(), c.gender().name(), c.birthDate(), c.idNumberEnc(),
                        idHash, c.phoneEnc(), c.idNumberMasked(), c.phoneMasked(), c.ethnicity(), c.education().name(), c.occupation().name(), c.workUnit(),
                        c.stage().name(), c.appliedOn())
                .query(Long.class).single();
    }

    public Optional<CaseRow> find(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where c.id = ?").param(id).query(MAPPER).optional();
    }

    public Optional<CaseRow> findForUpdate(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where c.id = ? for update of c").param(id).query(MAPPER)
                .optional();
    }

    /** The open case (not closed, not yet full) for this 身份证号, if any: its id and organization path. */
    public Optional<Map.Entry<Long, String>> openCaseFor(byte[] idHash) {
        return jdbc.sql("select c.id, o.path" + FROM + " where c.id_number_hash = ? and c.stage not in ('CLOSED','FULL')")
                .param(idHash).query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).optional();
    }

    public long appendStep(long caseId, StepForm form, RuleSet ruleSet, String recordedBy) {
        return jdbc.sql("""
                        insert into admission_step(case_id, step, done_on, form_json, rule_set, recorded_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(caseId, form.step().number(), form.doneOn(), json.writeValueAsString(form), ruleSet.name(),
                        recordedBy)
                .query(Long.class).single();
    }

    public List<StepRecord> steps(long caseId) {
        return jdbc.sql("select * from admission_step where case_id = ? order by id").param(caseId)
                .query((rs, i) -> step(rs)).list();
    }

    /** The steps of several cases in one query, by case. */
    public Map<Long, List<StepRecord>> steps(List<Long> caseIds) {
        Map<Long, List<StepRecord>> byCase = new java.util.HashMap<>();
        if (caseIds.isEmpty()) {
            return byCase;
        }
        jdbc.sql("select * from admission_step where case_id = any(?) order by case_id, id")
                .param(caseIds.toArray(Long[]::new))
                .query(rs -> {
                    byCase.computeIfAbsent(rs.getLong("case_id"), k -> new java.util.ArrayList<>()).add(step(rs));
                });
        return byCase;
    }

    private StepRecord step(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StepRecord(rs.getLong("id"), AdmissionStep.ofNumber(rs.getInt("step")).orElseThrow(),
                rs.getObject("done_on", LocalDate.class), json.readValue(rs.getString("form_json"), StepForm.class),
                RuleSet.valueOf(rs.getString("rule_set")), rs.getString("recorded_by"),
                rs.getObject("recorded_at", Timestamp.class).toInstant());
    }

    /** A step corrected: its values as amended, and the rule set of its (possibly new) date. */
    public void amendStep(long stepId, StepForm form, RuleSet ruleSet) {
        jdbc.sql("update admission_step set done_on = ?, form_json = ?, rule_set = ? where id = ?")
                .params(form.doneOn(), json.writeValueAsString(form), ruleSet.name(), stepId).update();
    }

    public long insertAmendment(long caseId, long stepId, List<Amendment.Change> changes, String reason, String by) {
        return jdbc.sql("""
                        insert into admission_amendment (case_id, step_id, changes_json, reason, amended_by)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(caseId, stepId, json.writeValueAsString(changes), reason, by).query(Long.class).single();
    }

    /** The corrections of a case's steps, oldest first. */
    public List<Amendment> amendments(long caseId) {
        return jdbc.sql("""
                        select a.*, s.step from admission_amendment a join admission_step s on s.id = a.step_id
                        where a.case_id = ? order by a.id""")
                .param(caseId)
                .query((rs, i) -> new Amendment(rs.getLong("id"), rs.getLong("step_id"),
                        AdmissionStep.ofNumber(rs.getInt("step")).orElseThrow(),
                        List.of(json.readValue(rs.getString("changes_json"), Amendment.Change[].class)),
                        rs.getString("reason"), rs.getString("amended_by"),
                        rs.getObject("amended_at", Timestamp.class).toInstant()))
                .list();
    }

    /** Stores what the steps imply: the stage, what is next and by when, the registry record, the key dates. */
    public void updateDerived(long id, Derived d) {
        jdbc.sql("""
                        update admission_case set stage = ?, next_step = ?, next_date = ?, next_earliest = ?, next_due = ?,
                          member_id = ?, approved_on = ?, converted_on = ?, closed_reason = ?, closed_on = ?,
                          version = version + 1, updated_at = now()
                        where id = ?""")
                .params(d.stage().name(), d.nextStep(), d.nextDate(), d.nextEarliest(), d.nextDue(), d.memberId(),
                        d.approvedOn(), d.convertedOn(), d.closedReason(), d.closedOn(), id)
                .update();
    }

    /**
     * A page of the cases of a subtree within the caller's scope, by stage (all open stages when null), the nearest
     * next step first, read as {@link #readByOrganization} says.
     */
    public List<CaseRow> page(DataScope scope, TreePath subtree, AdmissionStage stage, String name,
                              cn.zhibu.platform.Paging paging, boolean byOrganization) {
        Map<String, Object> p = DataScope.params();
        String region = inSubtree(scope, subtree, p);
        String filters = filters(stage, name, p);
        p.put("limit", paging.size());
        p.put("offset", paging.offset());
        String order = " order by c.next_date nulls last, c.id";
        if (byOrganization) {
            return jdbc.sql("with picked as (select c.id, c.next_date from " + byOrganization(region) + " where "
                            + filters + order + " limit :limit offset :offset)"
                            + " select " + COLUMNS + " from picked x join admission_case c on c.id = x.id"
                            + " join organization o on o.id = c.org_id" + order)
                    .params(p).query(MAPPER).list();
        }
        return jdbc.sql("select " + COLUMNS + FROM + " where " + region + " and " + filters + order
                        + " limit :limit offset :offset")
                .params(p).query(MAPPER).list();
    }

    /** Cases matching a name search, counted up to {@code cap} (the total of a broad search is "cap+"). */
    public long count(DataScope scope, TreePath subtree, AdmissionStage stage, String name, int cap,
                      boolean byOrganization) {
        Map<String, Object> p = DataScope.params();
        p.put("cap", cap);
        String region = inSubtree(scope, subtree, p);
        String from = byOrganization ? " from " + byOrganization(region) + " where "
                : FROM + " where " + region + " and ";
        return jdbc.sql("select count(*) from (select 1" + from + filters(stage, name, p) + " limit :cap) n")
                .params(p).query(Long.class).single();
    }

    /** The organizations (alias {@code o}) of the subtree that the caller manages. */
    private static String inSubtree(DataScope scope, TreePath subtree, Map<String, Object> p) {
        p.put("lo", subtree.value());
        p.put("hi", subtree.upperBound());
        return "o.path >= :lo and o.path < :hi and " + scope.memberScopeSql("o.path", p);
    }

    /** The cases (alias {@code c}) of the organizations meeting {@code region}, found organization by organization. */
    private static String byOrganization(String region) {
        return SubtreeRewrite.joinedToOrganizations("admission_case", "c", region);
    }

    private static String filters(AdmissionStage stage, String name, Map<String, Object> p) {
        StringBuilder sql = new StringBuilder();
        if (stage != null) {
            p.put("stage", stage.name());
            sql.append("c.stage = :stage");
        } else {
            sql.append("c.stage not in ('CLOSED', 'FULL')");
        }
        if (name != null && !name.isBlank()) {
            p.put("name", name.trim().replace("%", "").replace("_", "") + "%");
            sql.append(" and c.name like :name");
        }
        return sql.toString();
    }

    /**
     * Open cases in the caller's scope (and {@code subtree}, if given) whose next deadline is due by {@code until},
     * the nearest first, read as {@link #readByOrganization} says.
     */
    public List<CaseRow> dueBy(DataScope scope, TreePath subtree, LocalDate until, int limit, boolean byOrganization) {
        Map<String, Object> p = DataScope.params();
        p.put("until", until);
        p.put("limit", limit);
        String region = subtree == null ? scope.memberScopeSql("o.path", p) : inSubtree(scope, subtree, p);
        String open = "c.stage not in ('CLOSED','FULL') and c.next_due <= :until";
        String order = " order by c.next_due, c.id";
        if (byOrganization) {
            // each organization's due cases from admission_case_org_due without reading the table, then sorted
            return jdbc.sql("with picked as (select c.id, c.next_due from " + byOrganization(region) + " where " + open
                            + order + " limit :limit)"
                            + " select " + COLUMNS + " from picked x join admission_case c on c.id = x.id"
                            + " join organization o on o.id = c.org_id" + order)
                    .params(p).query(MAPPER).list();
        }
        // admission_case_due in date order, each case's organization (its region, its name) looked up by id
        return jdbc.sql("select " + COLUMNS + FROM + " where " + open + " and " + region + order + " limit :limit")
                .params(p).query(MAPPER).list();
    }

    /** Open cases of a subtree whose next step is {@code step} (a decision waiting on someone), oldest first. */
    public List<CaseRow> waitingAt(DataScope scope, TreePath subtree, int step, int limit) {
        Map<String, Object> p = DataScope.params();
        p.put("step", step);
        p.put("lo", subtree.value());
        p.put("hi", subtree.upperBound());
        p.put("limit", limit);
        return jdbc.sql("select " + COLUMNS + FROM + " where c.next_step = :step and c.stage not in ('CLOSED','FULL')"
                        + " and o.path >= :lo and o.path < :hi and " + scope.memberScopeSql("o.path", p)
                        + " order by c.id limit :limit")
                .params(p).query(MAPPER).list();
    }

    /** The case goes to another branch, keeping its steps; {@code note} is appended to its list of moves. */
    public void moveTo(long id, long orgId, long rootId, String note) {
        jdbc.sql("""
                        update admission_case set org_id = ?, root_id = ?,
                          moves = coalesce(moves || '；', '') || ?, version = version + 1, updated_at = now()
                        where id = ?""")
                .params(orgId, rootId, note, id).update();
    }

    public String moves(long id) {
        return jdbc.sql("select moves from admission_case where id = ?").param(id).query(String.class).optional()
                .orElse(null);
    }

    /** A subtree moved to another root: its cases keep their organizations and take the new root. */
    public void reroot(TreePath newPath, long newRootId) {
        SubtreeRewrite.reroot(jdbc, "admission_case", newPath, newRootId);
    }

    public boolean anyOpenIn(TreePath path) {
        return jdbc.sql("select exists (select 1" + FROM + " where o.path >= ? and o.path < ?"
                        + " and c.stage not in ('CLOSED','FULL'))")
                .params(path.value(), path.upperBound()).query(Boolean.class).single();
    }
}
