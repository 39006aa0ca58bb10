package cn.zhibu.platform;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's read cache (issue 16): a repeated read is answered from the cache or with 304, never across callers,
 * never stale after a write the caller made, and reads themselves change no version.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadCacheIntegrationTest {

    private static final String PASSWORD = "Cache@Reads2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired DataChanges changes;
    @Autowired TransactionTemplate transaction;
    @LocalServerPort int port;

    Organization committee;
    Organization branchA;
    Organization branchB;
    Member memberA;
    String suffix;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        committee = data.committee("缓存党委" + suffix);
        branchA = data.org(committee.id(), "缓存甲支部", OrganizationType.BRANCH);
        branchB = data.org(committee.id(), "缓存乙支部", OrganizationType.BRANCH);
        memberA = data.member(branchA.id(), "缓存甲党员", MemberStatus.FULL);
        data.member(branchB.id(), "缓存乙党员", MemberStatus.FULL);
        accounts.create("cadmin" + suffix, PASSWORD, "缓存党委管理员", null,
                List.of(new RoleGrant(Role.ORG_ADMIN, committee.id())));
        accounts.create("csecA" + suffix, PASSWORD, "缓存甲书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("csecB" + suffix, PASSWORD, "缓存乙书记", null, List.of(new RoleGrant(Role.SECRETARY, branchB.id())));
        accounts.create("cself" + suffix, PASSWORD, "缓存甲党员", memberA.id(), List.of(new RoleGrant(Role.MEMBER, null)));
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    private static ApiClient.Response get(ApiClient api, String path, Map<String, String> headers) {
        return api.send("GET", path, null, headers);
    }

    /**
     * Runs an assertion about versions until one attempt passes, at most three times: a background job of the shared
     * test context (a recount, a clean-up, another test's listener) may commit a change of anything meanwhile, which
     * is correct and makes one attempt fail; a broken rule fails every attempt.
     */
    private static void inAQuietMoment(Runnable attempt) {
        AssertionError last = null;
        for (int i = 0; i < 3; i++) {
            try {
                attempt.run();
                return;
            } catch (AssertionError e) {
                last = e;
            }
        }
        throw last;
    }

    private String dashboard(Organization org) {
        return "/api/v1/orgs/" + org.id() + "/dashboard";
    }

    @Test
    void a_repeated_read_comes_back_the_same_and_the_client_tag_is_answered_304() {
        ApiClient secretary = api("csecA");
        inAQuietMoment(() -> {
            var first = secretary.get(dashboard(branchA));
            assertThat(first.status()).isEqualTo(200);
            String tag = first.header("ETag");
            assertThat(tag).startsWith("W/\"");
            assertThat(first.header("Cache-Control")).contains("no-cache").contains("private");

            var again = secretary.get(dashboard(branchA));
            assertThat(again.status()).isEqualTo(200);
            // several tags in one header (a client holding more than one copy): any of them matches
            assertThat(get(secretary, dashboard(branchA), Map.of("If-None-Match", "W/\"other\", " + tag)).status())
                    .isEqualTo(304);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(again.header("ETag")).isEqualTo(tag);
            assertThat(again.header("Content-Type")).isEqualTo(first.header("Content-Type"));

            var notModified = get(secretary, dashboard(branchA), Map.of("If-None-Match", tag));
            assertThat(notModified.status()).isEqualTo(304);
            assertThat(notModified.body()).isEmpty();
            assertThat(notModified.header("ETag")).isEqualTo(tag);
        });
    }

    @Test
    void a_tag_is_the_caller_s_own_and_never_opens_another_scope() {
        String adminTag = api("cadmin").get(dashboard(branchA)).header("ETag");
        // branch B's secretary presenting it for branch A: still outside their scope
        var outside = get(api("csecB"), dashboard(branchA), Map.of("If-None-Match", adminTag));
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.header("ETag")).isNull();
        // branch A's secretary presenting the administrator's tag gets their own answer, not a 304
        var own = get(api("csecA"), dashboard(branchA), Map.of("If-None-Match", adminTag));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.header("ETag")).isNotEqualTo(adminTag);
        // another user's kept answer is not served either: an out-of-scope read stays 404 after the admin's read
        assertThat(api("csecB").get("/api/v1/members?orgId=" + branchA.id()).status()).isEqualTo(404);
    }

    @Test
    void after_a_write_the_caller_made_the_tag_and_the_answer_change() {
        ApiClient admin = api("cadmin");
        var before = admin.get(dashboard(branchA));
        String tag = before.header("ETag");
        var created = admin.post("/api/v1/members", TestData.form(branchA.id(), "缓存新党员", true,
                LocalDate.of(1990, 5, 1), MemberStatus.PROBATIONARY));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        var after = get(admin, dashboard(branchA), Map.of("If-None-Match", tag));
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(tag);
        assertThat(after.body()).isNotEqualTo(before.body());
    }

    @Test
    void a_write_that_declares_its_branch_leaves_the_sibling_branch_tag_alone() {
        ApiClient secretaryB = api("csecB");
        ApiClient secretaryA = api("csecA");
        inAQuietMoment(() -> {
            String tagB = secretaryB.get(dashboard(branchB)).header("ETag");
            String tagA = secretaryA.get(dashboard(branchA)).header("ETag");
            transaction.executeWithoutResult(s -> changes.touched(branchA.path()));

            assertThat(get(secretaryB, dashboard(branchB), Map.of("If-None-Match", tagB)).status()).isEqualTo(304);
            assertThat(get(secretaryA, dashboard(branchA), Map.of("If-None-Match", tagA)).status()).isEqualTo(200);
        });
    }

    @Test
    void a_write_that_declares_nothing_moves_every_version() {
        long before = changes.versionOf(List.of(branchB.path()));
        transaction.executeWithoutResult(s -> { });
        assertThat(changes.versionOf(List.of(branchB.path()))).isGreaterThan(before);
    }

    @Test
    void a_rolled_back_or_read_only_transaction_moves_nothing() {
        TransactionTemplate readOnly = new TransactionTemplate(transaction.getTransactionManager());
        readOnly.setReadOnly(true);
        inAQuietMoment(() -> {
            long before = changes.latest();
            transaction.executeWithoutResult(s -> {
                changes.touched(branchA.path());
                s.setRollbackOnly();
            });
            readOnly.executeWithoutResult(s -> { });
            assertThat(changes.latest()).isEqualTo(before);
        });
    }

    @Test
    void a_change_declared_above_reaches_the_branch_below_and_one_below_reaches_the_committee() {
        long branch = changes.versionOf(List.of(branchA.path()));
        transaction.executeWithoutResult(s -> changes.touched(committee.path()));
        assertThat(changes.versionOf(List.of(branchA.path()))).isGreaterThan(branch);
        long above = changes.versionOf(List.of(committee.path()));
        transaction.executeWithoutResult(s -> changes.touched(branchB.path()));
        assertThat(changes.versionOf(List.of(committee.path()))).isGreaterThan(above);
    }

    @Test
    void logging_in_moves_no_version_and_a_write_without_a_declaration_moves_them_all() {
        inAQuietMoment(() -> {
            long before = changes.latest();
            api("cadmin");
            assertThat(changes.latest()).isEqualTo(before);
        });
        ApiClient admin = api("cadmin");
        long before = changes.latest();
        // a refused write (validation) declared nothing: counted as a change of anything, to be safe
        var refused = admin.post("/api/v1/members", Map.of("orgId", branchA.id()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(changes.latest()).isGreaterThan(before);
    }

    @Test
    void no_cache_from_the_client_computes_the_answer_afresh() {
        ApiClient admin = api("cadmin");
        inAQuietMoment(() -> {
            String tag = admin.get(dashboard(committee)).header("ETag");
            var fresh = get(admin, dashboard(committee), Map.of("Cache-Control", "no-cache"));
            assertThat(fresh.status()).isEqualTo(200);
            // computed again, kept under a tag of its own: the old tag no longer answers 304, the new one does
            assertThat(fresh.header("ETag")).isNotEqualTo(tag);
            assertThat(get(admin, dashboard(committee), Map.of("If-None-Match", tag)).status()).isEqualTo(200);
            assertThat(get(admin, dashboard(committee), Map.of("If-None-Match", fresh.header("ETag"))).status())
                    .isEqualTo(304);
        });
    }

    @Test
    void the_cached_reads_themselves_change_no_version() {
        ApiClient admin = api("cadmin");
        ApiClient self = api("cself");
        long c = committee.id();
        long a = branchA.id();
        List<String> reads = List.of(dashboard(committee), "/api/v1/members?orgId=" + c + "&q=缓存",
                "/api/v1/orgs/" + c + "/children", "/api/v1/admission/cases?orgId=" + c, "/api/v1/inbox?orgId=" + c,
                "/api/v1/inbox/count", "/api/v1/life/compliance/heatmap?org=" + c, "/api/v1/dues/rollup?org=" + c,
                "/api/v1/dues/arrears?org=" + c + "&min=6", "/api/v1/dues/branch?org=" + a,
                "/api/v1/learning/members/" + memberA.id(), "/api/v1/learning/branch/" + a,
                "/api/v1/learning/rollup/" + c, "/api/v1/life/meetings?orgId=" + c,
                "/api/v1/life/compliance/behind?org=" + c, "/api/v1/dues/bills?orgId=" + c);
        reads.forEach(admin::get); // first reads may warm lazy settings up
        // a background job (a recount, a clean-up) may commit meanwhile: one quiet pass out of three is proof enough
        boolean quiet = false;
        for (int attempt = 0; attempt < 3 && !quiet; attempt++) {
            long before = changes.latest();
            for (String read : reads) {
                var answer = get(admin, read, Map.of("Cache-Control", "no-cache"));
                assertThat(answer.status()).as(read + " " + answer.body()).isEqualTo(200);
            }
            assertThat(self.get("/api/v1/inbox").status()).isEqualTo(200);
            assertThat(self.get("/api/v1/learning/me").status()).isEqualTo(200);
            quiet = changes.latest() == before;
        }
        assertThat(quiet).as("reads must run read-only or declare nothing").isTrue();
    }
}
