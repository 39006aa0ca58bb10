package cn.zhibu.platform;

import cn.zhibu.ZhibuApplication;
import cn.zhibu.member.ExportJob;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.RosterExports;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two app nodes on one database, as behind a load balancer: this test's application is the first, a second
 * {@code SpringApplication} on another port is started against the same PostgreSQL. Jobs are rows and files in the
 * database, run by db-scheduler: followed and downloaded on either node, failed with a clear message when the node
 * running them stops, and recurring work runs once per period for the cluster, not once per node.
 */
@IntegrationTest
class TwoNodeJobsIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static ConfigurableApplicationContext second;

    @LocalServerPort int port;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired TestData data;
    @Autowired MeterRegistry meters;
    @Autowired SchedulerClient scheduler;
    @Autowired RosterExports exports;

    /** Another node of the same cluster: the same database, its own name and port. */
    private ConfigurableApplicationContext startNode(String name) {
        HikariDataSource db = (HikariDataSource) dataSource;
        return new SpringApplicationBuilder(ZhibuApplication.class).profiles("test").run(
                "--server.port=0",
                "--spring.datasource.url=" + db.getJdbcUrl(),
                "--spring.datasource.username=" + db.getUsername(),
                "--spring.datasource.password=" + (db.getPassword() == null ? "" : db.getPassword()),
                "--zhibu.node-name=" + name,
                "--zhibu.demo.enabled=false",
                "--spring.main.banner-mode=off");
    }

    private ConfigurableApplicationContext second() {
        if (second == null) {
            second = startNode("node-2");
        }
        return second;
    }

    private int secondPort() {
        return Integer.parseInt(second().getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopSecondNode() {
        if (second != null) {
            second.close();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void an_export_started_on_one_node_is_polled_and_downloaded_on_the_other() throws Exception {
        Organization committee = data.committee("两节点导出党委");
        Organization branch = data.org(committee.id(), "两节点导出支部", OrganizationType.BRANCH);
        data.member(branch.id(), "节点甲", MemberStatus.FULL);
        data.member(branch.id(), "节点乙", MemberStatus.FULL);
        ApiClient first = ApiClient.loggedIn(port, "admin", "Zhibu@2026");
        ApiClient other = first.on(secondPort());

        ApiClient.Response started = first.post("/api/v1/member-exports", Map.of("orgId", committee.id()));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asString();
        await("export done, seen from node 2", () -> "DONE".equals(
                other.get("/api/v1/member-exports/" + id).json().get("status").asString()));
        ApiClient.Response status = other.get("/api/v1/member-exports/" + id);
        assertThat(status.json().get("rows").asLong()).isEqualTo(2);

        ApiClient.Download file = other.download("/api/v1/member-exports/" + id + "/file");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).contains("spreadsheetml");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file.body()))) {
            assertThat(wb.getFirstSheet().read()).hasSize(3);
        }
        // only the owner reads a job, on any node; others (and unknown ids) get 404
        DataScope someoneElse = new DataScope(4242, "别人", true, List.of(), List.of(), null, null, true);
        assertThatThrownBy(() -> second().getBean(RosterExports.class).get(someoneElse, id))
                .isInstanceOf(NotFoundException.class);
        assertThat(other.get("/api/v1/member-exports/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/member-exports/not-a-job").status()).isEqualTo(404);
    }

    private UUID runningJob(String node, Instant heartbeat) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into background_job(id, kind, owner_id, scope, state, total, detail, node, created_at)
                        values (?, 'member-export', 0, ?::jsonb, 'RUNNING', 100, ?::jsonb, ?, now() - interval '10 minutes')""")
                .params(id, json.writeValueAsString(SYSTEM), json.writeValueAsString(Map.of("orgId", 1,
                        "orgName", "中断测试", "columns", List.of(), "fileName", "中断.xlsx")), node).update();
        jdbc.sql("""
                        insert into scheduled_tasks(task_name, task_instance, execution_time, picked, picked_by,
                          last_heartbeat, version)
                        values ('background-job', ?, now() - interval '10 minutes', true, ?, ?, 1)""")
                .params(id.toString(), node, java.sql.Timestamp.from(heartbeat)).update();
        return id;
    }

    @Test
    void a_job_whose_node_died_is_failed_as_interrupted_by_a_live_node() throws Exception {
        UUID id = runningJob("dead-node", Instant.now().minus(Duration.ofMinutes(10)));
        await("dead execution detected", () -> exports.get(SYSTEM, id.toString()).finished());
        ExportJob job = exports.get(SYSTEM, id.toString());
        assertThat(job.status()).isEqualTo(BackgroundJob.FAILED);
        assertThat(job.message()).isEqualTo("任务因服务重启中断，请重新提交");
        await("execution removed", () -> jdbc.sql("select count(*) from scheduled_tasks where task_instance = ?")
                .param(id.toString()).query(Long.class).single() == 0);
    }

    @Test
    void a_restarted_node_fails_the_jobs_it_had_taken_as_soon_as_it_starts() {
        // its heartbeat looks fresh for an hour: only the restart itself can tell the job is gone
        UUID id = runningJob("node-restarted", Instant.now().plus(Duration.ofHours(1)));
        assertThat(exports.get(SYSTEM, id.toString()).finished()).isFalse();
        try (ConfigurableApplicationContext restarted = startNode("node-restarted")) {
            ExportJob job = restarted.getBean(RosterExports.class).get(SYSTEM, id.toString());
            assertThat(job.status()).isEqualTo(BackgroundJob.FAILED);
            assertThat(job.message()).isEqualTo("任务因服务重启中断，请重新提交");
        } finally {
            jdbc.sql("delete from scheduled_tasks where task_instance = ?").param(id.toString()).update();
        }
    }

    private double runs(String task) {
        MeterRegistry other = second().getBean(MeterRegistry.class);
        return count(meters, task) + count(other, task);
    }

    private static double count(MeterRegistry registry, String task) {
        Counter c = registry.find("zhibu.recurring.runs").tag("task", task).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void each_recurring_task_runs_once_per_period_across_both_nodes() throws Exception {
        second();
        for (String task : List.of("transfer-expiry", "background-job-cleanup")) {
            assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = ?").param(task)
                    .query(Long.class).single()).as(task + ": one execution for the cluster").isEqualTo(1);
            double before = runs(task);
            // its period (an hour, ten minutes) is up now
            scheduler.reschedule(TaskInstanceId.of(task, "recurring"), Instant.now());
            await(task + " ran", () -> runs(task) > before);
            Thread.sleep(3_000);
            assertThat(runs(task)).as(task + ": runs on both nodes together").isEqualTo(before + 1);
        }
        // the fold's period is a second: over six seconds two nodes folding each would pass 7
        double before = runs("member-rollup-fold");
        Thread.sleep(6_000);
        assertThat(runs("member-rollup-fold") - before).isBetween(2.0, 7.0);
    }
}
