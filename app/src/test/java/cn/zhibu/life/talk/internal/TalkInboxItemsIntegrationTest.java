package cn.zhibu.life.talk.internal;

import cn.zhibu.life.appraisal.AppraisalFixtures;
import cn.zhibu.life.talk.TalkDraft;
import cn.zhibu.life.talk.TalkService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static cn.zhibu.life.appraisal.AppraisalFixtures.secretaryScope;
import static org.assertj.core.api.Assertions.assertThat;

/** B11 in the secretary's inbox: the year's talks not yet covering every pairing, from its last quarter on. */
@IntegrationTest
class TalkInboxItemsIntegrationTest {

    @Autowired TalkInboxItems inbox;
    @Autowired AppraisalFixtures fixtures;
    @Autowired TalkService talks;

    private List<InboxItem> items(DataScope scope, AppraisalFixtures.Branch b, LocalDate day) {
        return inbox.items(new InboxQuery(scope, b.org().id(), b.org().path(), day, 20, false));
    }

    @Test
    void B11_talk_coverage_missing_shows_from_the_last_quarter_until_every_pairing_is_covered() {
        AppraisalFixtures.Branch b = fixtures.branch("谈话待办", 3, 0);
        DataScope secretary = secretaryScope(b.org());
        int year = LocalDate.now().getYear();
        assertThat(items(secretary, b, LocalDate.of(year, 9, 30))).as("before Q4").isEmpty();
        List<InboxItem> q4 = items(secretary, b, LocalDate.of(year, 10, 1));
        assertThat(q4).hasSize(1);
        assertThat(q4.get(0).title()).contains("谈心谈话尚未全覆盖");
        assertThat(q4.get(0).detail()).contains("党员之间", "尚无谈话记录的党员3名");
        assertThat(q4.get(0).rule()).isEqualTo("B11");
        assertThat(q4.get(0).date()).isEqualTo(LocalDate.of(year, 12, 31));
        assertThat(q4.get(0).mine()).isTrue();

        LocalDate day = LocalDate.now();
        talks.record(secretary, new TalkDraft(b.org().id(), b.full().get(0).id(), b.full().get(1).id(), day, "谈心", null));
        assertThat(items(secretary, b, LocalDate.of(year, 12, 1)).get(0).detail())
                .contains("应谈的类型均已覆盖", "尚无谈话记录的党员1名");
        talks.record(secretary, new TalkDraft(b.org().id(), b.full().get(2).id(), b.full().get(1).id(), day, "谈心", null));
        assertThat(items(secretary, b, LocalDate.of(year, 12, 1))).isEmpty();
    }
}
