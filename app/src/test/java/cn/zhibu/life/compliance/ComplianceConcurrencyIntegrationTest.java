package cn.zhibu.life.compliance;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.ComplianceAudit;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.LifeMeetingFixture;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many writers under one committee at once — meetings recorded and amended in different branches and two writers in
 * the same branch, while a branch moves back and forth between committees — end without a deadlock or a lost
 * count: the recount afterwards finds every roll-up exact.
 */
@IntegrationTest
class ComplianceConcurrencyIntegrationTest {

    @Autowired TestData data;
    @Autowired LifeMeetingFixture meetings;
    @Autowired ComplianceAudit audit;
    @Autowired OrganizationService organizations;
    @Autowired ComplianceViews views;

    @Test
    void concurrent_meetings_and_moves_under_one_committee_stay_exact() throws Exception {
        String n = "并发" + System.nanoTime() % 100_000;
        Organization top = data.committee(n + "党委");
        Organization sub = data.org(top.id(), n + "下属党委", OrganizationType.BASE_COMMITTEE);
        List<Organization> branches = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            branches.add(data.org(top.id(), n + "支部" + i, OrganizationType.BRANCH));
        }
        Organization moving = branches.get(4);
        List<Callable<Void>> work = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            Organization branch = branches.get(w % 4); // writers 0 and 4 share the first branch
            int writer = w;
            work.add(() -> {
                for (int m = 1; m <= 8; m++) {
                    MeetingKind[] kinds = m % 3 == 0
                            ? new MeetingKind[]{MeetingKind.THEME_DAY, MeetingKind.GENERAL_ASSEMBLY}
                            : new MeetingKind[]{MeetingKind.THEME_DAY};
                    long id = meetings.held(branch, LocalDate.of(2025, m, 1 + writer), 10, 8, kinds);
                    if (m % 4 == 0) {
                        meetings.heldOn(id, LocalDate.of(2025, m + 1, 28));
                    }
                }
                return null;
            });
        }
        work.add(() -> {
            for (int m = 1; m <= 6; m++) {
                meetings.held(moving, LocalDate.of(2025, m, 15), 6, 6, MeetingKind.THEME_DAY);
                organizations.move(SYSTEM, moving.id(), m % 2 == 1 ? sub.id() : top.id());
            }
            return null;
        });
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get(); // a deadlock or a failed write surfaces here
            }
        } finally {
            pool.shutdown();
        }
        assertThat(audit.mismatchesIn(top.path())).isEmpty();
        ComplianceHeatMap.ComplianceHeatMapCell january = views.heatMap(SYSTEM, top.id(), 2025, "THEME_DAY").total()
                .cells().get(0);
        assertThat(january.due()).isEqualTo(5);
        assertThat(january.met()).isEqualTo(5);
    }
}
