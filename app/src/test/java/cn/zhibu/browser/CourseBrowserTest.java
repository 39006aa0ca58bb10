package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.support.MediaSamples;
import cn.zhibu.support.TestData;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A course from the secretary's phone to the member's: the secretary creates a required audio course with a due date,
 * uploads its WAV on the course page (the page's script sends the raw file with a progress bar; a file of the wrong
 * kind is refused on the field in Chinese), publishes it after the confirmation; the member finds it in
 * {@code /learning/courses/mine} and opens it: the player and the study timer's live region show. At 390 px every
 * page fits without sideways scrolling and axe-core finds no serious or critical violation.
 */
class CourseBrowserTest extends BrowserTestBase {

    private static final String LEARNER = "course-phone-member";
    private static final String TITLE = "手机音频必修课：党章第一章";

    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired UserAccounts accounts;

    long branch;

    @BeforeAll
    void learner() {
        branch = jdbc.sql("select id from organization where name = ?").param(DemoAccounts.SECRETARY_BRANCH)
                .query(Long.class).single();
        Member m = data.member(branch, "手机课程学员", MemberStatus.FULL);
        accounts.create(LEARNER, DemoAccounts.PASSWORD, "手机课程学员", m.id(), List.of(new RoleGrant(Role.MEMBER, null)));
    }

    private static void fits(Page page, List<String> found) {
        found.addAll(PageChecks.phoneProblems(page));
    }

    @Test
    void a_secretary_publishes_a_required_audio_course_from_a_phone_and_the_member_studies_it() {
        List<String> found = new ArrayList<>();
        Page secretary = phoneAs(DemoAccounts.SECRETARY);
        secretary.navigate("/learning/courses/new");
        fits(secretary, found);
        secretary.selectOption("#orgId", Long.toString(branch));
        secretary.fill("#title", TITLE);
        secretary.selectOption("#kind", "AUDIO");
        secretary.fill("#hours", "0.1");
        secretary.check("#required");
        secretary.fill("#dueOn", LocalDate.now().plusDays(14).toString());
        secretary.click("#save-course");
        assertThat(secretary.locator("#course-title")).hasText(TITLE);
        assertThat(secretary.locator("#no-file")).isVisible();
        fits(secretary, found);

        // a file of the wrong kind: refused by the server (415), said on the field
        secretary.setInputFiles("#file", new FilePayload("笔记.txt", "text/plain",
                "不是音频".getBytes(StandardCharsets.UTF_8)));
        Response refused = secretary.waitForResponse(r -> r.request().method().equals("PUT"),
                () -> secretary.click("#upload"));
        assertThat(refused.status()).isEqualTo(415);
        assertThat(secretary.locator("#file-error")).containsText("文件类型不符：音频课程只接受");
        assertThat(secretary.locator("#file")).hasAttribute("aria-invalid", "true");
        assertThat(secretary.locator("#upload-status")).containsText("上传失败");
        fits(secretary, found);

        // the WAV, made here as the demo makes one: sent raw by the page's script, its length read by the server
        secretary.setInputFiles("#file", new FilePayload("党章第一章.wav", "audio/wav", MediaSamples.wav(400)));
        Response uploaded = secretary.waitForResponse(r -> r.request().method().equals("PUT"),
                () -> secretary.click("#upload"));
        assertThat(uploaded.status()).isEqualTo(200);
        assertThat(secretary.locator("#course-file")).containsText("党章第一章.wav");
        assertThat(secretary.locator("main")).containsText("已上传党章第一章.wav，时长");
        fits(secretary, found);

        secretary.click("#publish-course");
        assertThat(secretary.locator("#confirm-summary")).containsText("必修，完成期限");
        fits(secretary, found);
        secretary.click("#confirm");
        assertThat(secretary.locator("#course-status")).hasText("已发布");
        assertThat(secretary.locator("#required-badge")).isVisible();

        Page member = phoneAs(LEARNER);
        member.navigate("/learning/courses/mine");
        fits(member, found);
        member.locator("#my-courses").getByText(TITLE).click();
        assertThat(member.locator("#course-title")).hasText(TITLE);
        assertThat(member.locator("#study-media")).isVisible();
        assertThat(member.locator("#study-media source")).hasAttribute("type", "audio/wav");
        assertThat(member.locator("#study-status")).hasAttribute("aria-live", "polite");
        assertThat(member.locator("#study-status")).not().isEmpty();
        assertThat(member.locator("#required-badge")).isVisible();
        fits(member, found);
        assertThat(found).as(String.join("\n", found)).isEmpty();
    }
}
