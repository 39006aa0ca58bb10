package cn.zhibu.learning.exam;

import cn.zhibu.platform.InvalidInputException;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** An answer or a submission after the attempt's deadline: refused; the attempt was graded as at the deadline. */
public class ExamTimeOver extends InvalidInputException {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm:ss")
            .withZone(cn.zhibu.platform.PlatformClock.ZONE);

    ExamTimeOver(Instant deadline) {
        super(Map.of("deadline", "答题时间已于" + TIME.format(deadline) + "截止，本次提交未被接受；截止前保存的答案已按时交卷计分"));
    }
}
