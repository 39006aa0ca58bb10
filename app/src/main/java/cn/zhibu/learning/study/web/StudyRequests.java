package cn.zhibu.learning.study.web;

import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.ShortText;
import io.swagger.v3.oas.annotations.media.Schema;

/** The study endpoints' request bodies (the same for the app's API and the page's JSON calls). */
final class StudyRequests {

    /** Seconds a position may say (a day of media at most): anything beyond is not a place in a course. */
    static final int MAX_POSITION = 86_400;

    private StudyRequests() {
    }

    @Schema(name = "StudyStartRequest")
    record Start(@Schema(description = "课程编号") Long courseId,
                 @Schema(description = "设备名称，显示在其他设备上，如“我的手机”") @NameText("设备") String device) {

        long course() {
            if (courseId == null) {
                throw InvalidInputException.of("courseId", "请选择要学习的课程");
            }
            return courseId;
        }
    }

    @Schema(name = "StudyBeatRequest")
    record Beat(@Schema(description = "上次应答给出的一次性学习凭证") @ShortText("学习凭证") String token,
                @Schema(description = "页面此刻是否可见（隐藏时不计时）") Boolean visible,
                @Schema(description = "播放或阅读到的位置（秒），用于续播，不作为计时依据") Integer position) {

        String requiredToken() {
            if (token == null || token.isEmpty()) {
                throw InvalidInputException.of("token", "缺少学习凭证");
            }
            return token;
        }

        boolean shown() {
            if (visible == null) {
                throw InvalidInputException.of("visible", "请说明页面是否可见");
            }
            return visible;
        }

        int at() {
            if (position == null) {
                return 0;
            }
            if (position < 0 || position > MAX_POSITION) {
                throw InvalidInputException.of("position", "播放位置应在 0 到 " + MAX_POSITION + " 秒之间");
            }
            return position;
        }
    }
}
