package cn.zhibu.learning.exam.internal;

import cn.zhibu.learning.exam.ExamDraw;
import cn.zhibu.learning.exam.ExamRule;
import cn.zhibu.learning.exam.Question;
import cn.zhibu.learning.exam.QuestionBank;
import cn.zhibu.learning.exam.QuestionCheck;
import cn.zhibu.learning.exam.QuestionKind;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code question_bank} and {@code question} tables. */
@Repository
public class BankRecords {

    private static final String BANK = """
            select b.*, o.name as org_name,
                   (select count(*) from question q where q.bank_id = b.id and q.active) as question_count
            from question_bank b join organization o on o.id = b.org_id""";

    private final JdbcClient jdbc;

    BankRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertBank(long orgId, TreePath path, long rootId, String name, String description, String by) {
        return jdbc.sql("""
                        insert into question_bank (org_id, org_path, root_id, name, description, created_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(orgId, path.value(), rootId, name, description, by).query(Long.class).single();
    }

    public Optional<QuestionBank> bank(long id) {
        return jdbc.sql(BANK + " where b.id = ?").param(id).query((rs, i) -> bank(rs)).optional();
    }

    /** The banks of the subtrees the caller manages, by name. */
    public List<QuestionBank> banks(DataScope scope, int limit, long offset) {
        Map<String, Object> params = DataScope.params();
        String where = scope.memberScopeSql("b.org_path", params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(BANK + " where " + where + " order by b.org_path, b.name, b.id limit :limit offset :offset")
                .params(params).query((rs, i) -> bank(rs)).list();
    }

    public void updateBank(long id, String name, String description) {
        jdbc.sql("update question_bank set name = ?, description = ? where id = ?").params(name, description, id).update();
    }

    public long countBanks(DataScope scope) {
        Map<String, Object> params = DataScope.params();
        String where = scope.memberScopeSql("b.org_path", params);
        return jdbc.sql("select count(*) from question_bank b where " + where).params(params).query(Long.class).single();
    }

    public long insertQuestion(long bankId, QuestionCheck.Checked q) {
        return jdbc.sql("""
                        insert into question (bank_id, kind, topic, stem, options, correct, accepted, explanation, score)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(bankId, q.kind().name(), q.topic(), q.stem(), q.options().toArray(String[]::new),
                        q.correct().toArray(Integer[]::new), q.accepted().toArray(String[]::new), q.explanation(),
                        q.score())
                .query(Long.class).single();
    }

    public Optional<Question> question(long id) {
        return jdbc.sql("select * from question where id = ?").param(id).query((rs, i) -> question(rs)).optional();
    }

    public List<Question> questions(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from question where id in (:ids)").param("ids", ids)
                .query((rs, i) -> question(rs)).list();
    }

    /** The active questions of a bank, by topic and kind. */
    public List<Question> questionsOf(long bankId, int limit, long offset) {
        return jdbc.sql("select * from question where bank_id = ? and active order by topic, kind, id limit ? offset ?")
                .params(bankId, limit, offset).query((rs, i) -> question(rs)).list();
    }

    /** The active questions of a bank on a topic and of a kind (either null: any), by topic and kind. */
    public List<Question> questionsOf(long bankId, String topic, QuestionKind kind, int limit, long offset) {
        return jdbc.sql("select * from question where bank_id = ? and active" + FILTER + " order by topic, kind, id limit ? offset ?")
                .params(bankId, topic, topic, name(kind), name(kind), limit, offset).query((rs, i) -> question(rs)).list();
    }

    public long countQuestions(long bankId, String topic, QuestionKind kind) {
        return jdbc.sql("select count(*) from question where bank_id = ? and active" + FILTER)
                .params(bankId, topic, topic, name(kind), name(kind)).query(Long.class).single();
    }

    private static final String FILTER = " and (?::text is null or topic = ?) and (?::text is null or kind = ?)";

    private static String name(QuestionKind kind) {
        return kind == null ? null : kind.name();
    }

    /** The topics of a bank with their active questions per kind. */
    public List<TopicCount> topics(long bankId) {
        return jdbc.sql("""
                        select topic, kind, count(*) as n from question where bank_id = ? and active
                        group by topic, kind order by topic, kind""")
                .param(bankId).query((rs, i) -> new TopicCount(rs.getString("topic"),
                        QuestionKind.valueOf(rs.getString("kind")), rs.getInt("n"))).list();
    }

    public record TopicCount(String topic, QuestionKind kind, int count) {
    }

    public void retire(long questionId) {
        jdbc.sql("update question set active = false where id = ?").param(questionId).update();
    }

    /** What a rule may draw: the active questions of its bank, kind and topic. */
    public List<ExamDraw.Candidate> candidates(ExamRule rule) {
        return jdbc.sql("""
                        select id, kind, cardinality(options) as n from question
                        where bank_id = ? and active and (?::text is null or kind = ?) and (?::text is null or topic = ?)""")
                .params(rule.bankId(), kindName(rule), kindName(rule), rule.topic(), rule.topic())
                .query((rs, i) -> new ExamDraw.Candidate(rs.getLong("id"), QuestionKind.valueOf(rs.getString("kind")),
                        rs.getInt("n"))).list();
    }

    private static String kindName(ExamRule rule) {
        return name(rule.kind());
    }

    public void rewritePaths(TreePath oldPath, TreePath newPath, long newRootId) {
        SubtreeRewrite.rewrite(jdbc, "question_bank", oldPath, newPath, newRootId);
    }

    private static QuestionBank bank(ResultSet rs) throws SQLException {
        return new QuestionBank(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"),
                rs.getString("org_path"), rs.getString("name"), rs.getString("description"),
                rs.getInt("question_count"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    static Question question(ResultSet rs) throws SQLException {
        return new Question(rs.getLong("id"), rs.getLong("bank_id"), QuestionKind.valueOf(rs.getString("kind")),
                rs.getString("topic"), rs.getString("stem"), strings(rs.getArray("options")),
                Arrays.asList((Integer[]) rs.getArray("correct").getArray()), strings(rs.getArray("accepted")),
                rs.getString("explanation"), rs.getInt("score"), rs.getBoolean("active"));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
