package cn.zhibu.statistics;

import cn.zhibu.member.Member;
import cn.zhibu.member.MemberForm;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.StatusChange;
import cn.zhibu.member.StatusChangeKind;
import cn.zhibu.member.internal.MemberRollup;
import cn.zhibu.support.RollupAudit;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers changing members in several branches while a subtree holding some of those branches moves back and
 * forth: no deadlock, no lost update, and the roll-ups still equal a fresh count.
 */
@IntegrationTest
class ConcurrentWritesIntegrationTest {

    @Autowired TestData data;
    @Autowired MemberService members;
    @Autowired OrganizationService organizations;
    @Autowired RollupAudit audit;
    @Autowired MemberRollup rollup;
    @Autowired MembershipService membership;

    @Test
    void concurrent_member_writes_and_subtree_moves_keep_rollups_exact() throws Exception {
        Organization a = data.committee("并发甲党委");
        Organization b = data.committee("并发乙党委");
        Organization general = data.org(a.id(), "并发总支", OrganizationType.GENERAL_BRANCH);
        List<Organization> branches = List.of(
                data.org(a.id(), "并发一支部", OrganizationType.BRANCH),
                data.org(a.id(), "并发二支部", OrganizationType.BRANCH),
                data.org(b.id(), "并发三支部", OrganizationType.BRANCH),
                data.org(general.id(), "并发四支部", OrganizationType.BRANCH),
                data.org(general.id(), "并发五支部", OrganizationType.BRANCH));
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger writes = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<?>> writers = new java.util.ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                Random random = new Random(writer);
                for (int i = 0; i < 15; i++) {
                    try {
                        Organization home = branches.get(random.nextInt(branches.size()));
                        Member m = members.create(SYSTEM, TestData.form(home.id(), "并发", random.nextBoolean(),
                                LocalDate.of(1970 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                                MemberStatus.PROBATIONARY));
                        Organization away = branches.get(random.nextInt(branches.size()));
                        MemberForm moved = new MemberForm(away.id(), m.name(), m.gender(), m.ethnicity(),
                                m.birthDate(), m.idNumber(), null, m.education(), m.occupation(),
                                m.status(), m.joinedOn().minusMonths(2), null, null, null);
                        members.update(SYSTEM, m.id(), m.version(), moved);
                        if (random.nextBoolean()) {
                            membership.change(SYSTEM, m.id(), new StatusChange(StatusChangeKind.CONVERT,
                                    LocalDate.now(), "按期转正", null, "并发甲党委"));
                        }
                        if (random.nextInt(3) == 0) {
                            members.delete(SYSTEM, m.id());
                        }
                        writes.incrementAndGet();
                    } catch (InvalidInputException expected) {
                        // "moved by someone else, retry": the user is told, nothing half-written
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }
            }));
        }
        Future<?> mover = pool.submit(() -> {
            for (int i = 0; i < 6; i++) {
                try {
                    long parent = organizations.get(SYSTEM, general.id()).parentId();
                    organizations.move(SYSTEM, general.id(), parent == a.id() ? b.id() : a.id());
                } catch (Throwable t) {
                    failures.add(t);
                }
            }
        });
        // folds racing the writers, as the scheduled folder (and a second app instance's) would
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Future<?> folder = pool.submit(() -> {
            while (writing.get()) {
                try {
                    rollup.fold();
                } catch (Throwable t) {
                    failures.add(t);
                }
            }
        });
        for (Future<?> f : writers) {
            f.get(120, TimeUnit.SECONDS);
        }
        mover.get(120, TimeUnit.SECONDS);
        writing.set(false);
        folder.get(120, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(failures).isEmpty();
        assertThat(writes.get()).isGreaterThan(60);
        assertThat(audit.memberMismatches()).isEmpty();
        assertThat(audit.organizationMismatches()).isEmpty();
        rollup.fold();
        assertThat(audit.pendingRollupRows()).isZero();
        assertThat(audit.foldedMemberMismatches()).isEmpty();
    }
}
