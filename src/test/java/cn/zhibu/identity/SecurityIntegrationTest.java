package cn.zhibu.identity;

import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SecurityIntegrationTest {

    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    private String newUser(String prefix) {
        String name = prefix + System.nanoTime();
        accounts.create(name, "Right@Pass1", "测试用户", null, List.of(new RoleGrant(Role.ADMIN, null)));
        return name;
    }

    @Test
    void passwords_are_stored_as_argon2id_hashes() {
        String user = newUser("hash");
        String hash = jdbc.sql("select password_hash from app_user where username = ?").param(user)
                .query(String.class).single();
        assertThat(hash).startsWith("$argon2id$").doesNotContain("Right@Pass1");
    }

    @Test
    void five_wrong_passwords_lock_the_account_even_for_the_right_password() {
        String user = newUser("lock");
        ApiClient client = new ApiClient(port);
        for (int i = 1; i <= 4; i++) {
            var r = client.post("/api/v1/auth/token", Map.of("username", user, "password", "wrong"));
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().get("detail").asString()).contains("再输错" + (5 - i) + "次");
        }
        var fifth = client.post("/api/v1/auth/token", Map.of("username", user, "password", "wrong"));
        assertThat(fifth.json().get("detail").asString()).contains("锁定").contains("15分钟");
        var right = client.post("/api/v1/auth/token", Map.of("username", user, "password", "Right@Pass1"));
        assertThat(right.status()).isEqualTo(401);
        assertThat(right.json().get("detail").asString()).contains("锁定");
        // The browser login is locked too.
        BrowserSession browser = new BrowserSession(port);
        assertThat(browser.login(user, "Right@Pass1").location()).contains("error");
        // Once the 15 minutes have passed, the right password works again.
        jdbc.sql("update app_user set locked_until = now() - interval '1 second' where username = ?").param(user)
                .update();
        assertThat(client.post("/api/v1/auth/token", Map.of("username", user, "password", "Right@Pass1")).status())
                .isEqualTo(200);
    }

    @Test
    void four_wrong_passwords_then_the_right_one_resets_the_count() {
        String user = newUser("reset");
        ApiClient client = new ApiClient(port);
        for (int i = 0; i < 4; i++) {
            client.post("/api/v1/auth/token", Map.of("username", user, "password", "wrong"));
        }
        assertThat(client.post("/api/v1/auth/token", Map.of("username", user, "password", "Right@Pass1")).status())
                .isEqualTo(200);
        assertThat(jdbc.sql("select failed_attempts from app_user where username = ?").param(user)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void forms_need_the_csrf_token() {
        String user = newUser("csrf");
        BrowserSession session = BrowserSession.loggedIn(port, user, "Right@Pass1");
        var withoutToken = session.postWithoutToken("/orgs", Map.of("name", "无令牌", "type", "BASE_COMMITTEE",
                "category", "GOVERNMENT"));
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from organization where name = '无令牌'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void pages_carry_security_headers_and_need_a_login() {
        BrowserSession anonymous = new BrowserSession(port);
        var page = anonymous.get("/members");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
        var login = anonymous.get("/login");
        assertThat(login.headers().get("content-security-policy").get(0)).contains("script-src 'self'");
        assertThat(login.headers().get("x-frame-options").get(0)).isEqualTo("DENY");
        assertThat(login.headers().get("x-content-type-options").get(0)).isEqualTo("nosniff");
        assertThat(login.headers().get("referrer-policy").get(0)).isEqualTo("same-origin");
    }

    @Test
    void a_revoked_api_token_no_longer_works() {
        String user = newUser("revoke");
        ApiClient client = ApiClient.loggedIn(port, user, "Right@Pass1");
        assertThat(client.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(client.delete("/api/v1/auth/token").status()).isEqualTo(204);
        assertThat(client.get("/api/v1/me").status()).isEqualTo(401);
    }
}
