package cn.zhibu.platform.web;

import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The indexed lookup chooses exactly what Spring's full scan chooses, for a request to every mapping of the app. */
@IntegrationTest
class PrefixIndexedHandlerMappingTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private static String sample(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "a/b").replaceAll("\\{[^}]+}", "1").replace("**", "a/b")
                .replace("*", "a");
    }

    private String choose(String method, String path, String contentType, boolean indexed) {
        PrefixIndexedHandlerMapping indexedMapping = (PrefixIndexedHandlerMapping) mapping;
        indexedMapping.setEnabled(indexed);
        try {
            MockHttpServletRequest request = new MockHttpServletRequest(method, path);
            if (contentType != null) {
                request.setContentType(contentType);
            }
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain == null ? "none" : chain.getHandler().toString();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        } finally {
            indexedMapping.setEnabled(true);
        }
    }

    @Test
    void every_mapping_resolves_as_the_full_scan_resolves_it() {
        assertThat(mapping).isInstanceOf(PrefixIndexedHandlerMapping.class);
        List<String> checked = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            String contentType = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                    .map(Object::toString).orElse(null);
            for (String pattern : info.getPatternValues()) {
                String path = sample(pattern);
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    assertThat(choose(m.name(), path, contentType, true)).as(m + " " + path)
                            .isEqualTo(choose(m.name(), path, contentType, false));
                    checked.add(m + " " + path);
                }
            }
        }
        for (String path : List.of("/api/v1/nope", "/members/1/nope", "/", "/api/v1/orgs/1/nope", "/members;x=1/1")) {
            for (String m : List.of("GET", "POST", "DELETE")) {
                assertThat(choose(m, path, null, true)).as(m + " " + path).isEqualTo(choose(m, path, null, false));
            }
        }
        assertThat(checked).hasSizeGreaterThan(100);
        int narrowed = ((PrefixIndexedHandlerMapping) mapping).candidates("/api/v1/orgs/1/dashboard");
        assertThat(narrowed).isPositive().isLessThan(mapping.getHandlerMethods().size() / 5);
        // a study heartbeat (the busiest write) among the study session's few, not every 学习 endpoint
        assertThat(((PrefixIndexedHandlerMapping) mapping).candidates("/api/v1/learning/study/sessions/1/beats"))
                .isPositive().isLessThanOrEqualTo(12);
    }

    @Test
    void patterns_are_filed_under_their_leading_literal_segments() {
        assertThat(PrefixIndexedHandlerMapping.literalPrefix("/api/v1/orgs/{id}/dashboard")).isEqualTo("api/v1/orgs");
        assertThat(PrefixIndexedHandlerMapping.literalPrefix("/members/{id}")).isEqualTo("members");
        assertThat(PrefixIndexedHandlerMapping.literalPrefix("/{x}/a")).isEmpty();
        assertThat(PrefixIndexedHandlerMapping.literalPrefix("/")).isEmpty();
        assertThat(PrefixIndexedHandlerMapping.prefixes("/members/5")).containsExactly("", "members", "members/5");
        assertThat(PrefixIndexedHandlerMapping.prefixes("/api/v1/orgs/1/dashboard"))
                .containsExactly("", "api", "api/v1", "api/v1/orgs", "api/v1/orgs/1", "api/v1/orgs/1/dashboard");
        assertThat(PrefixIndexedHandlerMapping.literalPrefix("/api/v1/learning/study/sessions/{id}/beats"))
                .isEqualTo("api/v1/learning/study/sessions");
    }
}
