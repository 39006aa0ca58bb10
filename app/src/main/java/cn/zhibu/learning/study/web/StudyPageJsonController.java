package cn.zhibu.learning.study.web;

import cn.zhibu.learning.study.StudyBeat;
import cn.zhibu.learning.study.StudySessions;
import cn.zhibu.learning.study.StudyStarted;
import cn.zhibu.platform.DataScope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The study endpoints for the course page's {@code study.js}: the same JSON as {@link StudyApiController}, under the
 * pages' login session and CSRF token (the API chain takes bearer tokens only).
 */
@RestController
@RequestMapping("/learning/study")
class StudyPageJsonController extends StudyEndpoints {

    StudyPageJsonController(StudySessions sessions) {
        super(sessions);
    }

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    StudyStarted start(DataScope scope, @RequestBody StudyRequests.Start request) {
        return super.start(scope, request);
    }

    @PostMapping("/sessions/{id}/beats")
    StudyBeat beat(DataScope scope, @PathVariable long id, @RequestBody StudyRequests.Beat request) {
        return super.beat(scope, id, request);
    }

    @PostMapping("/sessions/{id}/end")
    StudyBeat end(DataScope scope, @PathVariable long id, @RequestBody StudyRequests.Beat request) {
        return super.end(scope, id, request);
    }
}
