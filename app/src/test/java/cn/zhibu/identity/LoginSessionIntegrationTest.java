package cn.zhibu.identity;

import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser session around the login. A page loads its static files, and the service worker fetches its own on
 * the first visit, while the user is typing and submitting the form: none of them may undo the login (full browser
 * runs showed a successful login's first page answered as if nobody were logged in).
 */
@IntegrationTest
class LoginSessionIntegrationTest {

    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcIndexedSessionRepository sessions;
    @LocalServerPort int port;

    private String newUser() {
        String name = "sess" + System.nanoTime();
        accounts.create(name, "Right@Pass1", "会话用户", null, List.of(new RoleGrant(Role.ADMIN, null)));
        return name;
    }

    @Test
    void static_files_and_the_service_worker_neither_read_nor_write_the_session() throws InterruptedException {
        String user = newUser();
        BrowserSession browser = BrowserSession.loggedIn(port, user, "Right@Pass1");
        assertThat(browser.get("/").status()).isEqualTo(200);
        Long before = lastAccess(user);
        for (String file : List.of("/css/app.css", "/js/app.js", "/sw.js", "/offline.html", "/manifest.webmanifest",
                "/img/icon.svg", "/webjars/htmx.org/dist/htmx.min.js")) {
            Thread.sleep(5);
            assertThat(browser.get(file).status()).as(file).isEqualTo(200);
            assertThat(lastAccess(user)).as("the session after %s", file).isEqualTo(before);
        }
        // a page does use it
        assertThat(browser.get("/").status()).isEqualTo(200);
        assertThat(lastAccess(user)).isGreaterThan(before);
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"}) // the repository's session class is not public
    void a_request_that_began_before_the_login_and_ends_after_it_cannot_undo_the_login() {
        String user = newUser();
        BrowserSession browser = new BrowserSession(port);
        assertThat(browser.get("/login").status()).isEqualTo(200);
        String before = sessionId(browser);
        // the session as a request under way read it (any request that touches the session saves it at its end)
        Session underWay = sessions.findById(before);
        assertThat(underWay).isNotNull();
        underWay.setLastAccessedTime(Instant.now());

        BrowserSession.Page login = browser.login(user, "Right@Pass1");
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).doesNotContain("/login");
        assertThat(sessionId(browser)).isNotEqualTo(before);
        ((SessionRepository) sessions).save(underWay);

        BrowserSession.Page first = browser.get("/");
        assertThat(first.status()).as("the first page after the login: %s", first.location()).isEqualTo(200);
        assertThat(first.body()).contains("current-user");
    }

    private Long lastAccess(String user) {
        return jdbc.sql("select last_access_time from spring_session where principal_name = ?").param(user)
                .query(Long.class).single();
    }

    private static String sessionId(BrowserSession browser) {
        return new String(Base64.getDecoder().decode(browser.cookie("SESSION")), StandardCharsets.UTF_8);
    }
}
