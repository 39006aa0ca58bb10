package cn.zhibu.life;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.TestData;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static cn.zhibu.life.MeetingSchedulingIntegrationTest.NEXT_WEEK;
import static cn.zhibu.life.MeetingSchedulingIntegrationTest.draft;
import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With SMTP configured (an embedded GreenMail server), scheduling e-mails an invitation to each invitee whose account
 * has an address, and cancelling a cancellation notice — after the commit only. In the same context (it has its own
 * settings anyway), a recording {@link MeetingChangeListener} shows an organization move telling compliance of each
 * held meeting it moves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(MeetingNotificationsIntegrationTest.RecordingListener.class)
class MeetingNotificationsIntegrationTest {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("zhibu.mail.from", () -> "zhibu@example.org");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    /** Records what the meeting module tells compliance. */
    static class RecordingListener implements MeetingChangeListener {
        final List<MeetingFacts[]> calls = new CopyOnWriteArrayList<>();

        @Override
        public void changed(MeetingFacts before, MeetingFacts after) {
            calls.add(new MeetingFacts[]{before, after});
        }
    }

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired MeetingService meetings;
    @Autowired MeetingChanges changes;
    @Autowired OrganizationService organizations;
    @Autowired RecordingListener recorded;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    private Organization branch(String name) {
        Organization committee = data.committee(name + "党委" + System.nanoTime() % 1_000_000);
        return data.org(committee.id(), name, OrganizationType.BRANCH);
    }

    private Member withEmail(Organization branch, String name, String email) {
        Member m = data.member(branch.id(), name, MemberStatus.FULL);
        long user = accounts.create("mail" + System.nanoTime(), "Mail@Test2026x", name, m.id(),
                List.of(new RoleGrant(Role.MEMBER, null)));
        accounts.changeEmail(user, email);
        return m;
    }

    private static List<MimeMessage> to(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
                found.add(m);
            }
        }
        return found;
    }

    @Test
    void scheduling_emails_the_invitees_with_an_address_and_cancelling_tells_them_after_the_commit() throws Exception {
        Organization branch = branch("邮件通知测试支部");
        withEmail(branch, "有邮箱党员", "youxiang@example.com");
        data.member(branch.id(), "无邮箱党员", MemberStatus.FULL);
        int before = SMTP.getReceivedMessages().length;
        Meeting m = meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.THEME_DAY), NEXT_WEEK));
        assertThat(SMTP.waitForIncomingEmail(10_000, before + 1)).isTrue();
        List<MimeMessage> invitation = to("youxiang@example.com");
        assertThat(invitation).hasSize(1);
        assertThat(invitation.get(0).getSubject()).isEqualTo("会议通知：测试会议");
        assertThat(invitation.get(0).getFrom()[0].toString()).isEqualTo("zhibu@example.org");
        String text = invitation.get(0).getContent().toString();
        assertThat(text).contains("主题党日", "党员活动室", "/life/meetings/" + m.id(), "请确认参加或请假");

        meetings.cancel(SYSTEM, m.id(), "与上级会议冲突");
        assertThat(SMTP.waitForIncomingEmail(10_000, before + 2)).isTrue();
        assertThat(to("youxiang@example.com")).extracting(MimeMessage::getSubject)
                .containsExactly("会议通知：测试会议", "会议取消：测试会议");
        assertThat(SMTP.getReceivedMessages()).hasSize(before + 2);
    }

    @Test
    void a_rolled_back_scheduling_sends_nothing() throws Exception {
        Organization branch = branch("邮件回滚测试支部");
        withEmail(branch, "回滚党员", "huigun@example.com");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.THEME_DAY), NEXT_WEEK));
            status.setRollbackOnly();
        });
        Thread.sleep(1_500);
        assertThat(to("huigun@example.com")).isEmpty();
    }

    @Test
    void an_organization_move_rewrites_the_meetings_paths_and_tells_no_listener_for_nothing_it_reads_changed() {
        Organization branch = branch("迁移测试支部");
        data.member(branch.id(), "迁移测试党员", MemberStatus.FULL);
        Organization target = data.committee("迁移目标党委" + System.nanoTime() % 1_000_000);
        Meeting held = meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.THEME_DAY),
                java.time.LocalDate.now().minusDays(3).atTime(9, 0)));
        Meeting planned = meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.THEME_DAY), NEXT_WEEK));
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            MeetingFacts before = changes.facts(held.id());
            jdbc.sql("update life_meeting set status = 'HELD', recorded_at = now() where id = ?").param(held.id()).update();
            changes.announce(before, changes.facts(held.id()));
        });
        assertThat(recorded.calls).anySatisfy(c -> {
            assertThat(c[0].status()).isEqualTo(MeetingStatus.PLANNED);
            assertThat(c[1].counts()).isTrue();
        });
        recorded.calls.clear();

        Organization moved = organizations.move(SYSTEM, branch.id(), target.id());
        assertThat(meetings.get(SYSTEM, held.id()).orgPath()).isEqualTo(moved.path().value());
        assertThat(meetings.get(SYSTEM, planned.id()).orgPath()).isEqualTo(moved.path().value());
        // organization, day, kinds and attendance stay; compliance moves its roll-ups with the subtree itself
        assertThat(recorded.calls).isEmpty();
        assertThat(meetings.list(SYSTEM, new MeetingFilter(target.id(), null, null, null), 0, 20).items())
                .extracting(Meeting::id).containsExactlyInAnyOrder(held.id(), planned.id());
    }
}
