package cn.zhibu.member;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.StatementCount;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL statements one member write sends (the benchmark's writers: create, edit, 转正, move to another branch),
 * counted, so that a statement added to the hot path shows here (the first of each is the transaction's own plan
 * setting, see {@link cn.zhibu.platform.db.PlannerSettings#reusePlans}); and a small local load of those four writes.
 */
@IntegrationTest
class WritePathStatementsIntegrationTest {

    @Autowired TestData data;
    @Autowired MemberService members;
    @Autowired MembershipService membership;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    Organization home;
    Organization away;

    @BeforeEach
    void branches() {
        long committee = data.committee("写入路径测试党委").id();
        home = data.org(committee, "写入路径一支部", OrganizationType.BRANCH);
        away = data.org(committee, "写入路径二支部", OrganizationType.BRANCH);
    }

    @Test
    void each_write_of_the_benchmark_sends_few_statements() {
        MemberForm form = TestData.form(home.id(), "路径甲", true, LocalDate.of(1990, 1, 1), MemberStatus.PROBATIONARY);
        Member created = counted("create", 7, () -> members.create(SYSTEM, form));
        assertThat(created.version()).isZero();
        assertThat(created.orgName()).isEqualTo(home.name());

        Member edited = counted("edit", 7, () -> members.update(SYSTEM, created.id(), 0, withJobTitle(form, "支部委员")));
        assertThat(edited.version()).isEqualTo(1);
        assertThat(edited.jobTitle()).isEqualTo("支部委员");

        StatusEvent converted = counted("convert", 11, () -> membership.change(SYSTEM, created.id(),
                new StatusChange(StatusChangeKind.CONVERT, LocalDate.now(), "预备期满，支部大会讨论通过", "党委〔2026〕1号",
                        "写入路径测试党委")));
        assertThat(converted.toStatus()).isEqualTo("FULL");

        MemberForm full = new MemberForm(away.id(), form.name(), form.gender(), form.ethnicity(), form.birthDate(),
                form.idNumber(), form.phone(), form.education(), form.occupation(), MemberStatus.FULL, form.joinedOn(),
                LocalDate.now(), "支部委员", form.workUnit());
        Member moved = counted("move", 9, () -> members.update(SYSTEM, created.id(), 2, full));
        assertThat(moved.version()).isEqualTo(3);
        assertThat(moved.orgId()).isEqualTo(away.id());
        assertThat(moved.orgName()).isEqualTo(away.name());
        assertThat(members.open(SYSTEM, created.id())).isEqualTo(moved);
    }

    /**
     * A write in its own transaction plans its keyed statements once (generic plans) and only there; joined into a
     * larger transaction (an admission step registering its member) it leaves that transaction's planning alone.
     */
    @Test
    void a_write_reuses_plans_in_its_own_transaction_only() {
        MemberForm first = TestData.form(home.id(), "计划丙", true, LocalDate.of(1991, 3, 1), MemberStatus.PROBATIONARY);
        try (StatementCount count = StatementCount.open()) {
            members.create(SYSTEM, first);
            assertThat(count.statements().get(0)).contains("plan_cache_mode = force_generic_plan");
        }
        String after = transactions.execute(status -> jdbc.sql("show plan_cache_mode").query(String.class).single());
        assertThat(after).as("the next transaction plans afresh again").isEqualTo("force_custom_plan");

        MemberForm second = TestData.form(home.id(), "计划丁", false, LocalDate.of(1991, 4, 1), MemberStatus.PROBATIONARY);
        String joined = transactions.execute(status -> {
            members.create(SYSTEM, second);
            return jdbc.sql("show plan_cache_mode").query(String.class).single();
        });
        assertThat(joined).as("a larger transaction keeps custom plans").isEqualTo("force_custom_plan");
    }

    /** Not an assertion on speed (the machine is shared): prints member changes per second for the report. */
    @Test
    void sixteen_writers_create_edit_convert_and_move() throws Exception {
        int writers = 16;
        int cycles = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            done.add(pool.submit(() -> {
                int changes = 0;
                for (int c = 0; c < cycles; c++) {
                    Organization from = c % 2 == 0 ? home : away;
                    Organization to = c % 2 == 0 ? away : home;
                    changes += cycle(from, to);
                }
                return changes;
            }));
        }
        int changes = 0;
        for (Future<Integer> f : done) {
            changes += f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("WRITES %d member changes by %d writers in %.2f s: %.0f/s%n", changes, writers, seconds,
                changes / seconds);
        assertThat(changes).isEqualTo(writers * cycles * 4);
    }

    private int cycle(Organization from, Organization to) {
        MemberForm form = TestData.form(from.id(), "负载乙", false, LocalDate.of(1992, 6, 1), MemberStatus.PROBATIONARY);
        Member m = members.create(SYSTEM, form);
        members.update(SYSTEM, m.id(), 0, withJobTitle(form, "组织委员"));
        membership.change(SYSTEM, m.id(), new StatusChange(StatusChangeKind.CONVERT, LocalDate.now(), "预备期满",
                "党委〔2026〕2号", "写入路径测试党委"));
        members.update(SYSTEM, m.id(), 2, new MemberForm(to.id(), form.name(), form.gender(), form.ethnicity(),
                form.birthDate(), form.idNumber(), form.phone(), form.education(), form.occupation(), MemberStatus.FULL,
                form.joinedOn(), LocalDate.now(), "组织委员", form.workUnit()));
        return 4;
    }

    private static MemberForm withJobTitle(MemberForm f, String title) {
        return new MemberForm(f.orgId(), f.name(), f.gender(), f.ethnicity(), f.birthDate(), f.idNumber(), f.phone(),
                f.education(), f.occupation(), f.status(), f.joinedOn(), f.convertedOn(), title, f.workUnit());
    }

    private static <T> T counted(String operation, int atMost, Supplier<T> write) {
        try (StatementCount count = StatementCount.open()) {
            T result = write.get();
            System.out.printf("STATEMENTS %s: %d%n  %s%n", operation, count.count(),
                    String.join("\n  ", count.statements().stream().map(s -> s.replaceAll("\\s+", " ")).toList()));
            assertThat(count.count()).as(operation + " statements").isLessThanOrEqualTo(atMost);
            return result;
        }
    }
}
