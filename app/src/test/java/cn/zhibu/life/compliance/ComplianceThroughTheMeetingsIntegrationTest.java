package cn.zhibu.life.compliance;

import cn.zhibu.life.Meeting;
import cn.zhibu.life.MeetingDraft;
import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.MeetingService;
import cn.zhibu.life.RecordForm;
import cn.zhibu.life.RecordService;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.ComplianceAudit;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compliance through the module's own services, not a fixture: a 主题党日 scheduled, recorded (the month is met on
 * the branch's year and on the committee's heat map), confirmed (nothing changes), and the branch moved to another
 * committee (the meetings tell compliance per meeting, the move carries the roll-up) — exact throughout.
 */
@IntegrationTest
class ComplianceThroughTheMeetingsIntegrationTest {

    @Autowired TestData data;
    @Autowired MeetingService meetings;
    @Autowired RecordService records;
    @Autowired OrganizationService organizations;
    @Autowired ComplianceViews views;
    @Autowired OrganizationYears years;
    @Autowired ComplianceAudit audit;

    @Test
    void a_theme_day_recorded_counts_on_the_branch_s_year_and_the_committee_s_heat_map_and_moves_with_the_branch() {
        String n = "贯通" + System.nanoTime() % 100_000;
        Organization top = data.committee(n + "上级党委");
        Organization committee = data.org(top.id(), n + "机关党委", OrganizationType.BASE_COMMITTEE);
        Organization other = data.org(top.id(), n + "另一党委", OrganizationType.BASE_COMMITTEE);
        Organization branch = data.org(committee.id(), n + "支部", OrganizationType.BRANCH);
        for (int i = 0; i < 3; i++) {
            data.member(branch.id(), "贯通党员" + "甲乙丙".charAt(i), MemberStatus.FULL);
        }
        LocalDateTime start = LocalDate.now().minusDays(3).atTime(9, 0);
        Meeting m = meetings.schedule(SYSTEM, new MeetingDraft(branch.id(), "主题党日", Set.of(MeetingKind.THEME_DAY), start,
                start.plusHours(2), "党员活动室", null, "学习", null, null, null));
        int month = start.getMonthValue();
        int year = start.getYear();
        // planned only: the month is still to do (or, three days into a new month, was missed)
        assertThat(themeDay(branch, year, month))
                .isEqualTo(java.time.YearMonth.from(start).equals(java.time.YearMonth.now()) ? "OPEN" : "MISSED");

        records.save(SYSTEM, m.id(), new RecordForm("<p>会议记录</p>", List.of(), "主持人", "记录人", null, null));
        assertThat(themeDay(branch, year, month)).isEqualTo("MET");
        ComplianceHeatMap.ComplianceHeatMapCell cell = views.heatMap(SYSTEM, committee.id(), year, "THEME_DAY").rows()
                .stream().filter(r -> r.orgId() == branch.id()).findFirst().orElseThrow().cells().get(month - 1);
        assertThat(cell.met()).isEqualTo(1);
        assertThat(years.year(SYSTEM, branch.id(), year).monthly().get(0).cells().get(month - 1).invited()).isEqualTo(3);
        assertThat(audit.mismatchesIn(top.path())).isEmpty();

        records.confirm(SYSTEM, m.id());
        assertThat(themeDay(branch, year, month)).isEqualTo("MET");
        assertThat(audit.mismatchesIn(top.path())).isEmpty();

        organizations.move(SYSTEM, branch.id(), other.id());
        assertThat(audit.mismatchesIn(top.path())).isEmpty();
        assertThat(views.heatMap(SYSTEM, other.id(), year, "THEME_DAY").total().cells().get(month - 1).met()).isEqualTo(1);
        assertThat(views.heatMap(SYSTEM, committee.id(), year, "THEME_DAY").total().cells().get(month - 1).due()).isZero();
    }

    private String themeDay(Organization branch, int year, int month) {
        return years.year(SYSTEM, branch.id(), year).monthly().get(0).cells().get(month - 1).status();
    }
}
