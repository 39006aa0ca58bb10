package cn.zhibu.life.web;

import cn.zhibu.life.checkin.AttendanceService;
import cn.zhibu.life.checkin.CheckinMeeting;
import cn.zhibu.life.checkin.CheckinPurpose;
import cn.zhibu.life.checkin.ScreenCode;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.QrSvg;
import cn.zhibu.platform.ServiceNotConfiguredException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;

/**
 * The room screen, for whoever manages the meeting's organization: a large QR code of the current check-in (or
 * check-out) code, replaced by htmx as each 30-second window turns (the fragment asks again when its code rotates, and
 * every 30 s besides should a request fail), and the live count 已签到 n / 应到 m.
 */
@Controller
class ScreenPageController {

    private final AttendanceService attendance;

    ScreenPageController(AttendanceService attendance) {
        this.attendance = attendance;
    }

    @GetMapping("/life/meetings/{id}/screen")
    String screen(DataScope scope, @PathVariable long id, @RequestParam(defaultValue = "IN") CheckinPurpose purpose,
                  Model model) {
        CheckinMeeting meeting = attendance.meeting(scope, id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("purpose", purpose);
        model.addAttribute("totals", attendance.totals(scope, id));
        code(scope, id, purpose, model);
        return "life/checkin/screen";
    }

    @GetMapping("/life/meetings/{id}/screen/code")
    String code(DataScope scope, @PathVariable long id, @RequestParam(defaultValue = "IN") CheckinPurpose purpose,
                Model model) {
        model.addAttribute("meetingId", id);
        model.addAttribute("purpose", purpose);
        try {
            ScreenCode code = attendance.screenCode(scope, id, purpose);
            model.addAttribute("code", code);
            model.addAttribute("qr", QrSvg.of(code.link(), purpose.label() + "二维码"));
            model.addAttribute("secondsLeft", code.secondsLeft(Instant.now()));
        } catch (InvalidInputException | ServiceNotConfiguredException e) {
            // answered 200 with the reason in place of the code: the screen stops asking for one
            model.addAttribute("closed", e instanceof ServiceNotConfiguredException
                    ? "未配置平台对外地址（zhibu.public-url），无法生成签到二维码，请联系系统管理员" : e.getMessage());
        }
        return "life/checkin/screen :: code";
    }

    @GetMapping("/life/meetings/{id}/screen/count")
    String count(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("totals", attendance.totals(scope, id));
        return "life/checkin/screen :: count";
    }
}
