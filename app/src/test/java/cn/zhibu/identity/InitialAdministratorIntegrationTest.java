package cn.zhibu.identity;

import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A production start (no demo profile) on an empty database: no demo data and no account with a published
 * password; the first administrator gets a one-time password, printed once, that must be changed before use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "zhibu.demo.enabled=false")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class InitialAdministratorIntegrationTest {

    private static final Pattern PRINTED = Pattern.compile("一次性密码：(\\S+)");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<ApplicationRunner> runners;

    @Test
    void a_production_start_creates_only_an_administrator_who_must_change_the_printed_password(CapturedOutput output)
            throws Exception {
        assertThat(jdbc.sql("select username from app_user").query(String.class).list()).containsExactly("admin");
        assertThat(jdbc.sql("select count(*) from member").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from organization").query(Long.class).single()).isZero();

        String password = printedPassword(output.getAll());
        assertThat(password).hasSize(16).isNotEqualTo("Zhibu@2026");

        // The browser is held on the password page until the owner chooses one.
        BrowserSession browser = new BrowserSession(port);
        assertThat(browser.login("admin", password).location()).endsWith("/account/password");
        BrowserSession.Page elsewhere = browser.get("/orgs");
        assertThat(elsewhere.status()).isEqualTo(302);
        assertThat(elsewhere.location()).endsWith("/account/password");
        assertThat(browser.get("/account/password").body()).contains("一次性初始密码");

        // The API gives no token for a one-time password, and refuses a weak replacement naming the field.
        ApiClient api = new ApiClient(port);
        assertThat(api.post("/api/v1/auth/token", Map.of("username", "admin", "password", password)).status())
                .isEqualTo(403);
        ApiClient.Response weak = api.post("/api/v1/auth/password",
                Map.of("username", "admin", "currentPassword", password, "newPassword", "admin12"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("newPassword");

        BrowserSession.Page changed = browser.post("/account/password", Map.of("currentPassword", password,
                "newPassword", "Dangjian2026x", "confirmPassword", "Dangjian2026x"));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(browser.get("/orgs").status()).isEqualTo(200);

        assertThat(api.post("/api/v1/auth/token", Map.of("username", "admin", "password", password)).status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/auth/token", Map.of("username", "admin", "password", "Dangjian2026x")).status())
                .isEqualTo(200);

        // A later start creates nothing and prints no password again.
        int printedBefore = PRINTED.matcher(output.getAll()).results().toList().size();
        for (ApplicationRunner runner : runners) {
            runner.run(new DefaultApplicationArguments());
        }
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(1);
        assertThat(PRINTED.matcher(output.getAll()).results().toList()).hasSize(printedBefore);
    }

    private static String printedPassword(String log) {
        Matcher m = PRINTED.matcher(log);
        assertThat(m.find()).as("the one-time password is printed at start").isTrue();
        return m.group(1);
    }
}
