package cn.zhibu.identity;

import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.FromAddress;
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

    private static Map<String, String> login(String user, String password) {
        return Map.of("username", user, "password", password);
    }

    @Test
    void wrong_passwords_throttle_the_source_while_the_owner_logs_in_from_elsewhere() {
        String user = newUser("throttle");
        ApiClient attacker = new ApiClient(port);
        for (int i = 0; i < 5; i++) {
            var r = attacker.post("/api/v1/auth/token", login(user, "wrong"));
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().get("detail").asString()).isEqualTo("用户名或密码错误");
        }
        // the attacker's address may not try this account for a while, not even with the right password
        var refused = attacker.post("/api/v1/auth/token", login(user, "Right@Pass1"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("detail").asString()).isEqualTo("登录失败次数过多，请1分钟后再试");
        // the form login from there is throttled too, with the same message
        BrowserSession browser = new BrowserSession(port);
        var form = browser.login(user, "Right@Pass1");
        assertThat(form.location()).contains("error");
        assertThat(browser.get("/login?error").body()).contains("登录失败次数过多");
        // the owner, elsewhere, is not affected
        var owner = new FromAddress(port, "127.0.0.2").post("/api/v1/auth/token", login(user, "Right@Pass1"));
        assertThat(owner.status()).isEqualTo(200);
        assertThat(owner.json().get("token").asString()).isNotBlank();
    }

    @Test
    void an_unknown_name_and_a_known_name_get_the_same_answers_after_the_same_work() {
        String known = newUser("known");
        String unknown = "nobody" + System.nanoTime();
        FromAddress client = new FromAddress(port, "127.0.0.3");
        List<Long> knownNanos = new java.util.ArrayList<>();
        List<Long> unknownNanos = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            var k = client.post("/api/v1/auth/token", login(known, "wrong"));
            long t1 = System.nanoTime();
            var u = client.post("/api/v1/auth/token", login(unknown, "wrong"));
            long t2 = System.nanoTime();
            knownNanos.add(t1 - t0);
            unknownNanos.add(t2 - t1);
            assertThat(u.status()).isEqualTo(k.status()).isEqualTo(401);
            assertThat(u.body()).isEqualTo(k.body());
        }
        var k = client.post("/api/v1/auth/token", login(known, "Right@Pass1"));
        var u = client.post("/api/v1/auth/token", login(unknown, "Right@Pass1"));
        assertThat(u.status()).isEqualTo(k.status()).isEqualTo(429);
        assertThat(u.message()).isEqualTo(k.message());
        assertThat(u.headers()).containsKey("retry-after");
        // an unknown name is checked against a dummy hash: no quick answer gives it away
        assertThat(median(unknownNanos)).isGreaterThan(median(knownNanos) * 4 / 10);
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    @Test
    void the_block_grows_with_each_round_of_failures() {
        String user = newUser("grow");
        String address = "127.0.0.4";
        FromAddress client = new FromAddress(port, address);
        long previous = 0;
        for (int round = 1; round <= 3; round++) {
            for (int i = 0; i < 5; i++) {
                assertThat(client.post("/api/v1/auth/token", login(user, "wrong")).status()).isEqualTo(401);
            }
            var refused = client.post("/api/v1/auth/token", login(user, "Right@Pass1"));
            assertThat(refused.status()).isEqualTo(429);
            long retryAfter = Long.parseLong(refused.headers().get("retry-after"));
            assertThat(retryAfter).isGreaterThan(previous).isLessThanOrEqualTo(60L << (round - 1));
            previous = retryAfter;
            // the block runs out
            jdbc.sql("update login_throttle set blocked_until = now() - interval '1 second' where key = ?")
                    .param("pair:" + cn.zhibu.platform.Sm3.hex(user + "\u001f" + address)).update();
        }
        assertThat(previous).isGreaterThan(180); // 1, 2, then 4 minutes
        assertThat(client.post("/api/v1/auth/token", login(user, "Right@Pass1")).status()).isEqualTo(200);
    }

    @Test
    void an_address_spraying_many_accounts_is_throttled_for_every_account() {
        String user = newUser("spray");
        FromAddress sprayer = new FromAddress(port, "127.0.0.5");
        for (int i = 0; i < 30; i++) {
            assertThat(sprayer.post("/api/v1/auth/token", login("spray" + i + "x" + System.nanoTime(), "Zhibu@2026"))
                    .status()).isEqualTo(401);
        }
        assertThat(sprayer.post("/api/v1/auth/token", login(user, "Right@Pass1")).status()).isEqualTo(429);
        assertThat(new FromAddress(port, "127.0.0.6").post("/api/v1/auth/token", login(user, "Right@Pass1")).status())
                .isEqualTo(200);
    }

    @Test
    void a_forwarded_for_header_does_not_change_the_address_unless_configured() {
        String user = newUser("xff");
        FromAddress client = new FromAddress(port, "127.0.0.7");
        for (int i = 0; i < 5; i++) {
            client.post("/api/v1/auth/token", login(user, "wrong"), "X-Forwarded-For", "203.0.113." + i);
        }
        assertThat(client.post("/api/v1/auth/token", login(user, "Right@Pass1"), "X-Forwarded-For", "198.51.100.9")
                .status()).isEqualTo(429);
    }

    @Test
    void four_wrong_passwords_then_the_right_one_start_the_count_again() {
        String user = newUser("reset");
        FromAddress client = new FromAddress(port, "127.0.0.8");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(client.post("/api/v1/auth/token", login(user, "wrong")).status()).isEqualTo(401);
            }
            assertThat(client.post("/api/v1/auth/token", login(user, "Right@Pass1")).status()).isEqualTo(200);
        }
    }

    @Test
    void a_disabled_account_says_so_only_to_the_right_password() {
        String user = newUser("disabled");
        jdbc.sql("update app_user set enabled = false where username = ?").param(user).update();
        FromAddress client = new FromAddress(port, "127.0.0.9");
        assertThat(client.post("/api/v1/auth/token", login(user, "wrong")).message()).isEqualTo("用户名或密码错误");
        var right = client.post("/api/v1/auth/token", login(user, "Right@Pass1"));
        assertThat(right.status()).isEqualTo(401);
        assertThat(right.message()).isEqualTo("账号已停用，请联系管理员");
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
