package cn.zhibu.life.appraisal.internal;

import cn.zhibu.life.appraisal.Appraisal;
import cn.zhibu.life.appraisal.AppraisalBallots;
import cn.zhibu.life.appraisal.AppraisalFixtures;
import cn.zhibu.life.appraisal.AppraisalParticipation;
import cn.zhibu.life.appraisal.AppraisalService;
import cn.zhibu.life.appraisal.AppraisalStage;
import cn.zhibu.life.appraisal.Grade;
import cn.zhibu.member.Member;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static cn.zhibu.life.appraisal.AppraisalFixtures.everyone;
import static cn.zhibu.life.appraisal.AppraisalFixtures.memberScope;
import static cn.zhibu.life.appraisal.AppraisalFixtures.secretaryScope;
import static org.assertj.core.api.Assertions.assertThat;

/** The appraisal in the inbox: what the open stage asks of a member, until done; the stage and turnout for the secretary. */
@IntegrationTest
class AppraisalInboxItemsIntegrationTest {

    @Autowired AppraisalInboxItems inbox;
    @Autowired AppraisalFixtures fixtures;
    @Autowired AppraisalService appraisals;
    @Autowired AppraisalParticipation participation;
    @Autowired AppraisalBallots ballots;

    private List<String> memberTitles(DataScope member) {
        return inbox.items(InboxQuery.asMember(member, LocalDate.now(), 20)).stream().map(InboxItem::title).toList();
    }

    private List<InboxItem> secretaryItems(DataScope secretary, AppraisalFixtures.Branch b) {
        return inbox.items(new InboxQuery(secretary, b.org().id(), b.org().path(), LocalDate.now(), 20, true));
    }

    @Test
    void P1_a_member_is_asked_for_the_open_stage_until_they_have_done_it_and_the_secretary_sees_the_turnout() {
        AppraisalFixtures.Branch b = fixtures.branch("评议待办", 3, 1);
        DataScope secretary = secretaryScope(b.org());
        Appraisal a = appraisals.open(secretary, b.org().id(), LocalDate.now().getYear());
        Member m = b.probationary().get(0);
        DataScope member = memberScope(m);
        assertThat(memberTitles(member)).containsExactly("请完成个人自评");
        assertThat(secretaryItems(secretary, b)).extracting(InboxItem::detail).containsExactly("已完成个人自评 0/4 人");
        participation.writeSelfAssessment(member, a.id(), "认真学习党章党规。");
        assertThat(memberTitles(member)).isEmpty();
        assertThat(secretaryItems(secretary, b)).extracting(InboxItem::detail).containsExactly("已完成个人自评 1/4 人");

        appraisals.closeStage(secretary, a.id(), AppraisalStage.SELF_ASSESSMENT);
        assertThat(secretaryItems(secretary, b)).extracting(InboxItem::title).containsExactly(
                LocalDate.now().getYear() + "年度民主评议待开始党员互评");
        appraisals.openStage(secretary, a.id(), AppraisalStage.PEER_REVIEW);
        assertThat(memberTitles(member)).containsExactly("请参加党员互评");
        appraisals.closeStage(secretary, a.id(), AppraisalStage.PEER_REVIEW);
        appraisals.openStage(secretary, a.id(), AppraisalStage.BALLOT);
        assertThat(memberTitles(member)).containsExactly("请参加民主测评");
        ballots.cast(member, a.id(), everyone(b, Grade.QUALIFIED));
        assertThat(memberTitles(member)).isEmpty();
        assertThat(memberTitles(memberScope(b.full().get(0)))).containsExactly("请参加民主测评");
        assertThat(secretaryItems(secretary, b)).extracting(InboxItem::detail).containsExactly("已参加民主测评 1/4 人");
        // another branch's member is asked nothing
        assertThat(memberTitles(memberScope(fixtures.branch("评议别处", 3, 0).full().get(0)))).isEmpty();
    }
}
