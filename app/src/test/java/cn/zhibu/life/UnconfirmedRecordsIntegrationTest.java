package cn.zhibu.life;

import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records waiting for confirmation (the secretaries' inbox) read their organizations' names in one query: each
 * heading is the one the record page shows, oldest first, every branch under its own name.
 */
@IntegrationTest
class UnconfirmedRecordsIntegrationTest {

    @Autowired TestData data;
    @Autowired MeetingFixture fixture;
    @Autowired RecordService records;

    @Test
    void unconfirmed_records_of_several_branches_are_listed_oldest_first_each_under_its_own_branch() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        Organization committee = data.committee("待确认记录党委" + suffix);
        Organization first = data.org(committee.id(), "待确认一支部", OrganizationType.BRANCH);
        Organization second = data.org(committee.id(), "待确认二支部", OrganizationType.BRANCH);
        data.member(first.id(), "待确认党员甲", MemberStatus.FULL);
        long older = held(first, 5);
        long newer = held(second, 2);
        long middle = held(first, 3);

        List<MeetingHeading> listed = records.unconfirmed(SYSTEM, committee.path(), 10);

        assertThat(listed).extracting(MeetingHeading::id).containsExactly(older, middle, newer);
        assertThat(listed).extracting(MeetingHeading::orgName)
                .containsExactly(first.name(), first.name(), second.name());
        for (MeetingHeading h : listed) {
            assertThat(h).isEqualTo(records.read(SYSTEM, h.id()).meeting());
        }
        assertThat(records.unconfirmed(SYSTEM, committee.path(), 2)).extracting(MeetingHeading::id)
                .containsExactly(older, middle);
    }

    /** A meeting held {@code daysAgo} days ago whose record is saved, not confirmed. */
    private long held(Organization branch, int daysAgo) {
        long id = fixture.heldDaysAgo(branch, "待确认会议", daysAgo, MeetingKind.THEME_DAY);
        records.save(SYSTEM, id, new RecordForm("<p>学习</p>", List.of(), "记录人", "记录人", List.of(), null));
        return id;
    }
}
