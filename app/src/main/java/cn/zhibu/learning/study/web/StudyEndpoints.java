package cn.zhibu.learning.study.web;

import cn.zhibu.learning.study.StudyBeat;
import cn.zhibu.learning.study.StudyRefusedException;
import cn.zhibu.learning.study.StudySessions;
import cn.zhibu.learning.study.StudyStarted;
import cn.zhibu.platform.DataScope;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

import java.net.URI;

/**
 * What the study API and the page's JSON endpoints share: the calls into {@link StudySessions} and the 409 of a
 * refused beat, a problem document whose {@code reason} (TAKEN_OVER, FINISHED, EXPIRED, STALE_TOKEN) lets the client
 * tell "another device took over" from "start again".
 */
abstract class StudyEndpoints {

    private final StudySessions sessions;

    StudyEndpoints(StudySessions sessions) {
        this.sessions = sessions;
    }

    StudyStarted start(DataScope scope, StudyRequests.Start request) {
        return sessions.start(scope, request.course(), request.device());
    }

    StudyBeat beat(DataScope scope, long id, StudyRequests.Beat request) {
        return sessions.beat(scope, id, request.requiredToken(), request.shown(), request.at());
    }

    StudyBeat end(DataScope scope, long id, StudyRequests.Beat request) {
        return sessions.end(scope, id, request.requiredToken(), request.shown(), request.at());
    }

    @ExceptionHandler(StudyRefusedException.class)
    ResponseEntity<ProblemDetail> refused(StudyRefusedException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create("urn:zhibu:problem:conflict"));
        problem.setTitle("与现有数据冲突");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("reason", e.reason().name());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
