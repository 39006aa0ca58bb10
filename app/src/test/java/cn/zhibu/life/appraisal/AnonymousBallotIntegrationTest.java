package cn.zhibu.life.appraisal;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.platform.DataScope;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static cn.zhibu.life.appraisal.AppraisalFixtures.memberScope;
import static cn.zhibu.life.appraisal.AppraisalFixtures.secretaryScope;
import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 民主测评 is anonymous for real: nothing stored — no table, no audit entry, no session — says which ballot was
 * whose; one ballot per member holds, also when two arrive at once; the secretary sees turnout and totals, never a
 * voter's choices.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnonymousBallotIntegrationTest {

    private static final String PASSWORD = "Ballot@2026";

    @Autowired AppraisalFixtures fixtures;
    @Autowired AppraisalService appraisals;
    @Autowired AppraisalBallots ballots;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @LocalServerPort int port;

    AppraisalFixtures.Branch branch;
    Appraisal appraisal;
    DataScope voterA;
    DataScope voterB;

    @BeforeAll
    void world() {
        branch = fixtures.branch("匿名测评", 3, 1);
        appraisal = fixtures.openAt(branch, AppraisalStage.BALLOT);
        voterA = memberScope(branch.full().get(1));
        voterB = memberScope(branch.probationary().get(0));
    }

    /** A ballot: the three 正式党员 graded in this order. */
    private Map<Long, Grade> ballot(Grade first, Grade second, Grade third) {
        Map<Long, Grade> b = new HashMap<>();
        b.put(branch.full().get(0).id(), first);
        b.put(branch.full().get(1).id(), second);
        b.put(branch.full().get(2).id(), third);
        return b;
    }

    @Test
    void no_table_or_audit_entry_tells_which_ballot_was_whose_the_database_is_the_same_whoever_cast_which() {
        Map<Long, Grade> x = ballot(Grade.EXCELLENT, Grade.QUALIFIED, Grade.BASIC);
        Map<Long, Grade> y = ballot(Grade.UNQUALIFIED, Grade.BASIC, Grade.QUALIFIED);

        Map<String, Changes> aXbY = whatBallotsWrite(voterA, x, voterB, y);
        Map<String, Changes> aYbX = whatBallotsWrite(voterA, y, voterB, x);
        Map<String, Changes> aXbX = whatBallotsWrite(voterA, x, voterB, x);

        // what two ballots leave behind, in every table of the database and in the audit log (every column but the
        // times and the chain hashes that cover them), is the same when the two voters swap their ballots
        assertThat(aXbY.keySet()).containsExactlyInAnyOrder("life_appraisal_voter", "life_appraisal_tally", "audit_log");
        assertThat(aXbY).isEqualTo(aYbX);
        // ... and it is not blind: other ballots leave other counts
        assertThat(aXbY).isNotEqualTo(aXbX);

        // the voters are marked, the ballots only counted: the voter table holds who, nothing of what
        assertThat(aXbY.get("life_appraisal_voter").added()).hasSize(2)
                .allSatisfy(row -> assertThat(row).doesNotContain("EXCELLENT", "QUALIFIED", "BASIC", "优秀", "合格"));
        // the audit log names each voter and records that they voted, no grade
        assertThat(aXbY.get("audit_log").added()).hasSize(2).allSatisfy(row -> assertThat(row)
                .contains("民主评议.参加民主测评", "已投票")
                .doesNotContain("EXCELLENT", "QUALIFIED", "BASIC", "UNQUALIFIED", "优秀", "合格", "grade"));
    }

    @Test
    void the_ballot_tables_have_no_time_and_no_ballot_id_to_match_with_the_voters() {
        assertThat(columns("life_appraisal_voter")).containsExactly("appraisal_id", "member_id");
        assertThat(columns("life_appraisal_tally")).containsExactly("appraisal_id", "member_id", "excellent",
                "qualified", "basic", "unqualified");
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = current_schema()"
                + " and table_name like 'life_appraisal_ballot%'").query(Integer.class).single()).isZero();
    }

    private List<String> columns(String table) {
        return jdbc.sql("select column_name from information_schema.columns where table_schema = current_schema()"
                + " and table_name = ? order by ordinal_position").param(table).query(String.class).list();
    }

    /** The rows a table gained and lost, each row as JSON without its time columns, sorted. */
    record Changes(List<String> added, List<String> removed) {
    }

    /**
     * Casts the two ballots in a transaction that is rolled back, and returns what they changed in every table of the
     * schema. Repeatable read: what other transactions commit meanwhile (the scheduler's heartbeat) is not seen, so
     * the changes are the ballots' own.
     */
    private Map<String, Changes> whatBallotsWrite(DataScope first, Map<Long, Grade> firstBallot, DataScope second,
                                                  Map<Long, Grade> secondBallot) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return tx.execute(status -> {
            Map<String, String> rows = rowExpressions();
            int i = 0;
            Map<String, String> snapshots = new LinkedHashMap<>();
            for (Map.Entry<String, String> t : rows.entrySet()) {
                String snapshot = "ballot_snapshot_" + i++;
                jdbc.sql("create temp table " + snapshot + " on commit drop as select " + t.getValue() + " as x from "
                        + quoted(t.getKey()) + " t").update();
                snapshots.put(t.getKey(), snapshot);
            }
            ballots.cast(first, appraisal.id(), firstBallot);
            ballots.cast(second, appraisal.id(), secondBallot);
            Map<String, Changes> changes = new TreeMap<>();
            for (Map.Entry<String, String> t : rows.entrySet()) {
                String now = "select " + t.getValue() + " as x from " + quoted(t.getKey()) + " t";
                String before = "select x from " + snapshots.get(t.getKey());
                List<String> added = jdbc.sql(now + " except all " + before + " order by 1").query(String.class).list();
                List<String> removed = jdbc.sql(before + " except all (" + now + ") order by 1").query(String.class).list();
                if (!added.isEmpty() || !removed.isEmpty()) {
                    changes.put(t.getKey(), new Changes(added, removed));
                }
            }
            status.setRollbackOnly();
            return changes;
        });
    }

    /** For each table of the schema, its row as JSON text without the time columns and the audit chain's hashes. */
    private Map<String, String> rowExpressions() {
        Map<String, List<String>> left = new TreeMap<>();
        jdbc.sql("""
                        select c.table_name, c.column_name from information_schema.columns c
                        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                          and (c.data_type like 'timestamp%' or c.data_type like 'time %'
                               or (c.table_name = 'audit_log' and c.column_name in ('hash', 'prev_hash')))""")
                .query(rs -> {
                    left.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<String, String> expressions = new TreeMap<>();
        for (String table : jdbc.sql("select table_name from information_schema.tables where table_schema = current_schema()"
                + " and table_type = 'BASE TABLE' and table_name not like 'ballot_snapshot_%'").query(String.class).list()) {
            List<String> out = left.getOrDefault(table, List.of());
            String minus = out.isEmpty() ? "" : " - array[" + String.join(",", out.stream().map(c -> "'" + c + "'").toList())
                    + "]::text[]";
            expressions.put(table, "(to_jsonb(t)" + minus + ")::text");
        }
        return expressions;
    }

    private static String quoted(String table) {
        return "\"" + table.replace("\"", "\"\"") + "\"";
    }

    @Test
    void one_ballot_per_member_even_when_two_arrive_at_once_and_the_secretary_sees_turnout_not_choices() throws Exception {
        AppraisalFixtures.Branch b = fixtures.branch("一人一票", 3, 0);
        Appraisal a = fixtures.openAt(b, AppraisalStage.BALLOT);
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        Member voter = b.full().get(1);
        accounts.create("onevote" + suffix, PASSWORD, voter.name(), voter.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        accounts.create("onesec" + suffix, PASSWORD, "一人一票书记", null, List.of(new RoleGrant(Role.SECRETARY, b.org().id())));
        ApiClient member = ApiClient.loggedIn(port, "onevote" + suffix, PASSWORD);
        Map<String, Object> body = Map.of("grades", b.full().stream()
                .map(m -> Map.of("memberId", (Object) m.id(), "grade", "EXCELLENT")).toList());

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ApiClient.Response>> posts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            posts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return member.post("/api/v1/life/appraisals/" + a.id() + "/ballot", body);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<ApiClient.Response> p : posts) {
            ApiClient.Response r = p.get();
            statuses.add(r.status());
            if (r.status() == 204) {
                assertThat(r.body()).as("the answer repeats nothing of the ballot").isEmpty();
            } else {
                assertThat(r.errors().get("grades")).contains("每人只能投票一次");
            }
        }
        assertThat(statuses).containsExactlyInAnyOrder(204, 400);
        assertThat(member.get("/api/v1/life/appraisals/" + a.id() + "/ballot").json().get("voted").asBoolean()).isTrue();

        ApiClient secretary = ApiClient.loggedIn(port, "onesec" + suffix, PASSWORD);
        JsonNode result = secretary.get("/api/v1/life/appraisals/" + a.id() + "/results").json();
        assertThat(result.get("voted").asInt()).isEqualTo(1);
        assertThat(result.get("closed").asBoolean()).isFalse();
        assertThat(result.get("totals").size()).as("no totals while the ballot is open").isZero();
        JsonNode participants = secretary.get("/api/v1/life/appraisals/" + a.id() + "/participants").json();
        assertThat(participants.findValuesAsString("name")).contains(voter.name());
        assertThat(participants.toString()).doesNotContain("EXCELLENT");

        appraisals.closeStage(secretaryScope(b.org()), a.id(), AppraisalStage.BALLOT);
        JsonNode closed = secretary.get("/api/v1/life/appraisals/" + a.id() + "/results").json();
        for (JsonNode t : closed.get("totals")) {
            assertThat(t.get("excellent").asInt() + t.get("qualified").asInt() + t.get("basic").asInt()
                    + t.get("unqualified").asInt()).as("each rated member counted once, for the one ballot").isEqualTo(1);
            assertThat(t.get("excellent").asInt()).isEqualTo(1);
        }
        assertThat(member.get("/api/v1/life/appraisals/" + a.id() + "/results").status()).isEqualTo(403);
    }

    @Test
    void a_ballot_through_the_phone_page_leaves_nothing_of_its_choices_in_the_session() {
        AppraisalFixtures.Branch b = fixtures.branch("页面测评", 3, 0);
        Appraisal a = fixtures.openAt(b, AppraisalStage.BALLOT);
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        Member voter = b.full().get(2);
        String username = "pagevote" + suffix;
        accounts.create(username, PASSWORD, voter.name(), voter.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        BrowserSession pages = BrowserSession.loggedIn(port, username, PASSWORD);
        Map<String, String> form = new HashMap<>();
        form.put("g-" + b.full().get(0).id(), "UNQUALIFIED");
        form.put("g-" + b.full().get(1).id(), "BASIC");
        BrowserSession.Page missing = pages.post("/life/appraisals/" + a.id() + "/ballot", form);
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.body()).contains("请为每名正式党员选择等次", b.full().get(2).name());
        form.put("g-" + b.full().get(2).id(), "BASIC");
        BrowserSession.Page confirm = pages.post("/life/appraisals/" + a.id() + "/ballot", form);
        assertThat(confirm.body()).contains("确定投出这张测评票吗", "不合格", "投出后本人也不能查看或更改");
        form.put("confirmed", "true");
        assertThat(pages.post("/life/appraisals/" + a.id() + "/ballot", form).status()).isEqualTo(302);

        List<byte[]> attributes = jdbc.sql("""
                        select a.attribute_bytes from spring_session_attributes a
                        join spring_session s on s.primary_id = a.session_primary_id where s.principal_name = ?""")
                .param(username).query(byte[].class).list();
        assertThat(attributes).isNotEmpty();
        for (byte[] bytes : attributes) {
            assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("不合格").doesNotContain("基本合格")
                    .doesNotContain("UNQUALIFIED").doesNotContain("BASIC");
        }
        BrowserSession.Page after = pages.get("/life/appraisals/" + a.id());
        assertThat(after.body()).contains("已投票，感谢您参加民主测评", "已投票（不记名，无法查看所投内容）")
                .doesNotContain("不合格");
        assertThat(pages.get("/life/appraisals/" + a.id() + "/ballot").body()).contains("您已参加本次民主测评")
                .doesNotContain("ballot-form");
        assertThat(appraisals.get(SYSTEM, a.id()).voted()).isEqualTo(1);
    }
}
