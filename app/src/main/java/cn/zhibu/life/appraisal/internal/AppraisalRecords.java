package cn.zhibu.life.appraisal.internal;

import cn.zhibu.life.appraisal.Appraisal;
import cn.zhibu.life.appraisal.AppraisalStage;
import cn.zhibu.life.appraisal.Grade;
import cn.zhibu.life.appraisal.Participant;
import cn.zhibu.life.appraisal.PeerReview;
import cn.zhibu.life.appraisal.ProposingBody;
import cn.zhibu.life.appraisal.SelfAssessment;
import cn.zhibu.life.appraisal.StageState;
import cn.zhibu.life.roster.RosterMember;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The appraisal's tables but the ballot box ({@link BallotBox}): the appraisal, its stages, participants, 个人自评 and
 * 党员互评. Lists take the caller's scope as path ranges (managed branches) or their member id (appraisals they take
 * part in); reads by id return the row and leave the scope decision to the service.
 */
@Repository
public class AppraisalRecords {

    private static final String SELECT = """
            select a.*, o.name as org_name, c.participants, c.full_members, c.self_assessed,
                   (select count(*) from life_appraisal_voter v where v.appraisal_id = a.id) as voted
            from life_appraisal a join organization o on o.id = a.org_id
            cross join lateral (select count(*) as participants, count(*) filter (where p.full_member) as full_members,
                                       count(p.self_assessed_at) as self_assessed
                                from life_appraisal_participant p where p.appraisal_id = a.id) c""";

    private final JdbcClient jdbc;

    AppraisalRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new appraisal, or empty when the branch has one for that year already (one per branch and year, B11). */
    public Optional<Long> insert(long orgId, TreePath orgPath, long rootId, int year, String createdBy) {
        return jdbc.sql("""
                        insert into life_appraisal (org_id, org_path, root_id, year, created_by) values (?, ?, ?, ?, ?)
                        on conflict (org_id, year) do nothing returning id""")
                .params(orgId, orgPath.value(), rootId, year, createdBy).query(Long.class).optional();
    }

    public void insertParticipants(long appraisalId, List<RosterMember> roster) {
        int order = 0;
        for (RosterMember m : roster) {
            jdbc.sql("""
                            insert into life_appraisal_participant (appraisal_id, member_id, member_name, full_member, sort_order)
                            values (?, ?, ?, ?, ?)""")
                    .params(appraisalId, m.id(), m.name(), m.full(), order++).update();
        }
    }

    public Optional<Appraisal> find(long id) {
        return one(SELECT + " where a.id = ?", id);
    }

    /**
     * Locks the appraisal's row until the end of the transaction: every write to an appraisal takes it first, so a
     * stage cannot close while a ballot or a 自评 is being written under it, and two ballots of one person queue.
     */
    public Optional<Appraisal> lock(long id) {
        return jdbc.sql("select id from life_appraisal where id = ? for no key update").param(id).query(Long.class)
                .optional().flatMap(this::find);
    }

    /** The appraisals the caller may see — of the branches they manage and those they take part in — latest first. */
    public List<Appraisal> visible(DataScope scope, Integer year, int limit, long offset) {
        Map<String, Object> params = DataScope.params();
        String where = visibleWhere(scope, year, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return withStages(jdbc.sql(SELECT + " where " + where + " order by a.year desc, a.org_path, a.id limit :limit offset :offset")
                .params(params).query((rs, i) -> map(rs)).list());
    }

    public long countVisible(DataScope scope, Integer year) {
        Map<String, Object> params = DataScope.params();
        String where = visibleWhere(scope, year, params);
        return jdbc.sql("select count(*) from life_appraisal a where " + where).params(params).query(Long.class).single();
    }

    private static String visibleWhere(DataScope scope, Integer year, Map<String, Object> params) {
        String where = scope.memberScopeSql("a.org_path", params);
        if (!scope.all() && scope.selfMemberId() != null) {
            where = "(" + where + " or exists (select 1 from life_appraisal_participant p where p.appraisal_id = a.id"
                    + " and p.member_id = :self))";
            params.put("self", scope.selfMemberId());
        }
        if (year != null) {
            where += " and a.year = :year";
            params.put("year", year);
        }
        return where;
    }

    /** The appraisals whose stage {@code stage} is open and in which the member takes part (the member's inbox). */
    public List<Appraisal> openFor(long memberId, AppraisalStage stage) {
        return withStages(jdbc.sql(SELECT + " " + """
                         join life_appraisal_stage s on s.appraisal_id = a.id and s.stage = ? and s.closed_at is null
                         where exists (select 1 from life_appraisal_participant p where p.appraisal_id = a.id and p.member_id = ?)
                         order by a.year desc, a.id""")
                .params(stage.name(), memberId).query((rs, i) -> map(rs)).list());
    }

    /** Open appraisals (a stage open, or between stages) of the subtree, oldest first, at most {@code limit}. */
    public List<Appraisal> unfinished(TreePath subtree, int limit) {
        return withStages(jdbc.sql(SELECT + " " + """
                         where a.org_path >= ? and a.org_path < ? and a.completed_at is null
                         order by a.year, a.org_path, a.id limit ?""")
                .params(subtree.value(), subtree.upperBound(), limit).query((rs, i) -> map(rs)).list());
    }

    public void openStage(long appraisalId, AppraisalStage stage, String by) {
        jdbc.sql("insert into life_appraisal_stage (appraisal_id, stage, opened_at, opened_by) values (?, ?, now(), ?)")
                .params(appraisalId, stage.name(), by).update();
    }

    public void closeStage(long appraisalId, AppraisalStage stage, String by) {
        jdbc.sql("update life_appraisal_stage set closed_at = now(), closed_by = ? where appraisal_id = ? and stage = ?")
                .params(by, appraisalId, stage.name()).update();
    }

    public List<Participant> participants(long appraisalId) {
        return jdbc.sql("""
                        select p.*, exists (select 1 from life_appraisal_voter v where v.appraisal_id = p.appraisal_id
                                            and v.member_id = p.member_id) as voted
                        from life_appraisal_participant p where p.appraisal_id = ? order by p.sort_order""")
                .param(appraisalId)
                .query((rs, i) -> new Participant(rs.getLong("member_id"), rs.getString("member_name"),
                        rs.getBoolean("full_member"), rs.getTimestamp("self_assessed_at") != null, rs.getBoolean("voted"),
                        rs.getString("grade") == null ? null : Grade.valueOf(rs.getString("grade")),
                        rs.getString("grade_note")))
                .list();
    }

    public boolean takesPart(long appraisalId, long memberId) {
        return jdbc.sql("select exists (select 1 from life_appraisal_participant where appraisal_id = ? and member_id = ?)")
                .params(appraisalId, memberId).query(Boolean.class).single();
    }

    public void writeSelfAssessment(long appraisalId, long memberId, String text) {
        jdbc.sql("""
                        update life_appraisal_participant set self_assessment = ?, self_assessed_at = now()
                        where appraisal_id = ? and member_id = ?""")
                .params(text, appraisalId, memberId).update();
    }

    /** 个人自评 written so far: all of them, or one member's. */
    public List<SelfAssessment> selfAssessments(long appraisalId, Long onlyMemberId) {
        return jdbc.sql("select * from life_appraisal_participant where appraisal_id = ? and self_assessed_at is not null"
                        + (onlyMemberId == null ? "" : " and member_id = ?") + " order by sort_order")
                .params(onlyMemberId == null ? new Object[]{appraisalId} : new Object[]{appraisalId, onlyMemberId})
                .query((rs, i) -> new SelfAssessment(rs.getLong("member_id"), rs.getString("member_name"),
                        rs.getString("self_assessment"), instant(rs, "self_assessed_at")))
                .list();
    }

    /** Writes (or rewrites) what one participant says of another. */
    public void writeReview(long appraisalId, long authorId, long subjectId, String text) {
        jdbc.sql("""
                        insert into life_appraisal_review (appraisal_id, author_member_id, subject_member_id, text, written_at)
                        values (?, ?, ?, ?, now())
                        on conflict (appraisal_id, author_member_id, subject_member_id)
                        do update set text = excluded.text, written_at = excluded.written_at""")
                .params(appraisalId, authorId, subjectId, text).update();
    }

    /** 党员互评 written so far: all of them, or those by or about one member. */
    public List<PeerReview> reviews(long appraisalId, Long involving) {
        return jdbc.sql("""
                        select r.*, a.member_name as author_name, s.member_name as subject_name
                        from life_appraisal_review r
                        join life_appraisal_participant a on a.appraisal_id = r.appraisal_id and a.member_id = r.author_member_id
                        join life_appraisal_participant s on s.appraisal_id = r.appraisal_id and s.member_id = r.subject_member_id
                        where r.appraisal_id = ?""" + (involving == null ? ""
                        : " and (r.author_member_id = ? or r.subject_member_id = ?)") + " order by s.sort_order, a.sort_order")
                .params(involving == null ? new Object[]{appraisalId} : new Object[]{appraisalId, involving, involving})
                .query((rs, i) -> new PeerReview(rs.getLong("author_member_id"), rs.getString("author_name"),
                        rs.getLong("subject_member_id"), rs.getString("subject_name"), rs.getString("text"),
                        instant(rs, "written_at")))
                .list();
    }

    /** Whether the member has written any 党员互评 in this appraisal. */
    public boolean hasReviewed(long appraisalId, long memberId) {
        return jdbc.sql("select exists (select 1 from life_appraisal_review where appraisal_id = ? and author_member_id = ?)")
                .params(appraisalId, memberId).query(Boolean.class).single();
    }

    public void grade(long appraisalId, long memberId, Grade grade, String note) {
        jdbc.sql("update life_appraisal_participant set grade = ?, grade_note = ? where appraisal_id = ? and member_id = ?")
                .params(grade.name(), note, appraisalId, memberId).update();
    }

    public void complete(long appraisalId, ProposingBody body, LocalDate heldOn, long meetingId) {
        jdbc.sql("""
                        update life_appraisal set proposed_by = ?, held_on = ?, meeting_id = ?, completed_at = now()
                        where id = ?""")
                .params(body.name(), heldOn, meetingId, appraisalId).update();
    }

    /** Whether a meeting already concludes another appraisal. */
    public boolean meetingTaken(long meetingId) {
        return jdbc.sql("select exists (select 1 from life_appraisal where meeting_id = ?)").param(meetingId)
                .query(Boolean.class).single();
    }

    /** An organization moved: the appraisals of its subtree follow it. */
    public void rewritePaths(TreePath oldPath, TreePath newPath, long newRootId) {
        SubtreeRewrite.rewrite(jdbc, "life_appraisal", oldPath, newPath, newRootId);
    }

    private Optional<Appraisal> one(String sql, long id) {
        return withStages(jdbc.sql(sql).param(id).query((rs, i) -> map(rs)).list()).stream().findFirst();
    }

    /** The rows with their stages, read in one query for the whole list. */
    private List<Appraisal> withStages(List<Appraisal> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<StageState>> stages = new HashMap<>();
        jdbc.sql("select * from life_appraisal_stage where appraisal_id in (:ids)")
                .param("ids", rows.stream().map(Appraisal::id).toList())
                .query(rs -> {
                    stages.computeIfAbsent(rs.getLong("appraisal_id"), k -> new ArrayList<>()).add(new StageState(
                            AppraisalStage.valueOf(rs.getString("stage")), instant(rs, "opened_at"),
                            rs.getString("opened_by"), instant(rs, "closed_at"), rs.getString("closed_by")));
                });
        return rows.stream().map(a -> new Appraisal(a.id(), a.orgId(), a.orgName(), a.orgPath(), a.year(),
                        stages.getOrDefault(a.id(), List.of()).stream()
                                .sorted(Comparator.comparing(StageState::stage)).toList(),
                        a.participants(), a.fullMembers(), a.selfAssessed(), a.voted(), a.proposedBy(), a.heldOn(),
                        a.meetingId(), a.createdBy(), a.createdAt(), a.completedAt()))
                .toList();
    }

    private static Appraisal map(ResultSet rs) throws SQLException {
        String body = rs.getString("proposed_by");
        return new Appraisal(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"), rs.getString("org_path"),
                rs.getInt("year"), List.of(), rs.getInt("participants"), rs.getInt("full_members"),
                rs.getInt("self_assessed"), rs.getInt("voted"), body == null ? null : ProposingBody.valueOf(body),
                rs.getObject("held_on", LocalDate.class), rs.getObject("meeting_id", Long.class),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "completed_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
