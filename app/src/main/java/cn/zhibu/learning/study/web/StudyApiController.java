package cn.zhibu.learning.study.web;

import cn.zhibu.learning.study.StudyBeat;
import cn.zhibu.learning.study.StudySessions;
import cn.zhibu.learning.study.StudyStarted;
import cn.zhibu.platform.DataScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/learning/study")
@Tag(name = "在线学习计时", description = "学习时长以服务器时钟计：每次心跳计入距上次有效心跳的时间（不超过上限），过早的心跳、"
        + "页面隐藏时的心跳不计时；每名党员同一时间只有一个学习会话（在另一设备开始学习即结束本设备的学习）；"
        + "每天、每门课程（视频、音频不超过其时长）计时有上限；客户端发送的时间一概不用")
class StudyApiController extends StudyEndpoints {

    StudyApiController(StudySessions sessions) {
        super(sessions);
    }

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "开始学习一门课程", description = "仅限发布给本人的课程（否则404）；结束本人在其他设备上的学习。"
            + "应答给出会话编号、第一次心跳所用的一次性凭证 token 与心跳间隔 beatSeconds")
    StudyStarted start(DataScope scope, @RequestBody StudyRequests.Start request) {
        return super.start(scope, request);
    }

    @PostMapping("/sessions/{id}/beats")
    @Operation(summary = "学习心跳", description = "每 beatSeconds 秒一次，携带上次应答的 token（每次更换，重复或伪造的被拒绝）"
            + "及页面是否可见 visible；应答给出本次计入的秒数 credited 与下一次的 token。会话已被其他设备接替、已结束、"
            + "已过期或凭证无效时答409，reason 为 TAKEN_OVER、FINISHED、EXPIRED 或 STALE_TOKEN")
    StudyBeat beat(DataScope scope, @PathVariable long id, @RequestBody StudyRequests.Beat request) {
        return super.beat(scope, id, request);
    }

    @PostMapping("/sessions/{id}/end")
    @Operation(summary = "结束学习", description = "最后一次心跳（同样计时），然后结束本次学习")
    StudyBeat end(DataScope scope, @PathVariable long id, @RequestBody StudyRequests.Beat request) {
        return super.end(scope, id, request);
    }
}
