package cn.zhibu.platform;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list, in the API and in the browser, bounds page and size the same way ({@link Paging}): page=2147483647 was a
 * 500 (an overflowing OFFSET) or a scan of the whole subtree for nothing, a negative page or a huge size answered
 * anyway. Now a 400 naming the parameter.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingIntegrationTest {

    @LocalServerPort int port;
    ApiClient admin;
    BrowserSession browser;

    @BeforeAll
    void login() {
        admin = ApiClient.loggedIn(port, DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
        browser = BrowserSession.loggedIn(port, DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
    }

    static Stream<Arguments> apiLists() {
        Stream<String> paged = Stream.of("/api/v1/members?", "/api/v1/publicity?", "/api/v1/transfers?",
                "/api/v1/archived-members?orgId=1&", "/api/v1/admission/cases?orgId=1&", "/api/v1/audit?");
        Stream<String> sized = Stream.of("/api/v1/members?", "/api/v1/publicity?", "/api/v1/transfers?",
                "/api/v1/archived-members?orgId=1&");
        return Stream.concat(
                paged.flatMap(p -> Stream.of("page=2147483647", "page=-1", "page=1001")
                        .map(q -> Arguments.of(p + q, "page"))),
                sized.flatMap(p -> Stream.of("size=0", "size=101", "size=2147483647", "size=-5")
                        .map(q -> Arguments.of(p + q, "size"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void apiLists(String path, String field) {
        ApiClient.Response r = admin.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.errors()).containsKey(field);
    }

    static Stream<String> pages() {
        return Stream.of("/members?page=2147483647", "/publicity?page=2147483647", "/transfers?page=-1",
                "/members/archived?orgId=1&page=2147483647", "/admission?orgId=1&page=2147483647",
                "/audit?page=2147483647");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void pages(String path) {
        BrowserSession.Page page = browser.get(path);
        assertThat(page.status()).as(page.body()).isEqualTo(400);
        assertThat(page.body()).contains("页码应在0至1000之间");
    }
}
