package cn.zhibu.platform.web;

import cn.zhibu.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The problem documents' shape, and what a server error never shows. */
class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper("50MB");

    @Test
    void a_server_error_shows_a_generic_chinese_message_never_the_exception() {
        var e = new IllegalStateException("ERROR: relation \"member\" at /tmp/zhibu-imports/3f1e.xlsx",
                new SQLException("select * from member where id = 1", "XX000"));
        var answer = mapper.toProblem(e, HttpStatus.INTERNAL_SERVER_ERROR, "GET", "/api/v1/members/1");
        var problem = answer.getBody();
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(problem.getTitle()).isEqualTo("服务器内部错误");
        assertThat(problem.getType()).hasToString("urn:zhibu:problem:server-error");
        assertThat(problem.getInstance()).hasToString("/api/v1/members/1");
        assertThat(problem.getDetail()).startsWith("服务器内部错误，请稍后重试").contains("错误编号")
                .doesNotContain("IllegalState", "Exception", "select", "member", "/tmp", "relation");
        assertThat(problem.getProperties()).isNullOrEmpty();
    }

    @Test
    void a_value_the_database_refuses_is_the_input_s_fault() {
        var e = new DataIntegrityViolationException("ERROR: new row violates check constraint",
                new SQLException("new row for relation \"organization\" violates check constraint", "23514"));
        var problem = mapper.toProblem(e, HttpStatus.INTERNAL_SERVER_ERROR, "POST", "/api/v1/orgs").getBody();
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getDetail()).doesNotContain("organization", "constraint");
    }

    @Test
    void field_errors_are_listed_by_field() {
        var e = InvalidInputException.of("name", "姓名不能含有空字符（NUL）（第2个字符）");
        var problem = mapper.toProblem(e, HttpStatus.INTERNAL_SERVER_ERROR, "POST", "/api/v1/members").getBody();
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getTitle()).isEqualTo("请求内容有误");
        assertThat(problem.getDetail()).isEqualTo("姓名不能含有空字符（NUL）（第2个字符）");
        assertThat(problem.getProperties()).containsKey("errors");
    }
}
