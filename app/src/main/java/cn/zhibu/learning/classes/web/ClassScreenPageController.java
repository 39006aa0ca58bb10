package cn.zhibu.learning.classes.web;

import cn.zhibu.learning.classes.ClassCheck;
import cn.zhibu.learning.classes.ClassService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.PublicAddress;
import cn.zhibu.platform.QrSvg;
import cn.zhibu.platform.ServiceNotConfiguredException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;

/**
 * A session's room screen, for the class's organizer: the QR code of the current signed check-in (or check-out) code,
 * replaced by htmx as each 30-second window turns, and the live count 已签到 n / 应到 m. The QR encodes the member's
 * scan page at the platform's public address ({@code zhibu.public-url}), as the life meeting's screen does.
 */
@Controller
class ClassScreenPageController {

    private final ClassService classes;
    private final PublicAddress publicAddress;

    ClassScreenPageController(ClassService classes, PublicAddress publicAddress) {
        this.classes = classes;
        this.publicAddress = publicAddress;
    }

    @GetMapping("/learning/classes/sessions/{sessionId}/screen")
    String screen(DataScope scope, @PathVariable long sessionId, @RequestParam(defaultValue = "IN") ClassCheck purpose,
                  Model model) {
        model.addAttribute("sheet", classes.sheet(scope, sessionId));
        code(scope, sessionId, purpose, model);
        return "learning/classes/screen";
    }

    @GetMapping("/learning/classes/sessions/{sessionId}/screen/code")
    String code(DataScope scope, @PathVariable long sessionId, @RequestParam(defaultValue = "IN") ClassCheck purpose,
                Model model) {
        ClassService.ClassScreenCode code = classes.screenCode(scope, sessionId, purpose);
        model.addAttribute("sessionId", sessionId);
        model.addAttribute("purpose", purpose);
        model.addAttribute("code", code);
        model.addAttribute("secondsLeft", Math.max(1, (code.rotatesAt().toEpochMilli() - Instant.now().toEpochMilli()
                + 999) / 1000));
        try {
            model.addAttribute("qr", QrSvg.of(publicAddress.base() + code.link(), purpose.label() + "二维码"));
        } catch (ServiceNotConfiguredException e) {
            // answered 200 with the reason in place of the code: the screen stops asking for one
            model.addAttribute("closed", "未配置平台对外地址（zhibu.public-url），无法生成签到二维码，请联系系统管理员");
        }
        return "learning/classes/screen :: code";
    }

    @GetMapping("/learning/classes/sessions/{sessionId}/screen/count")
    String count(DataScope scope, @PathVariable long sessionId, Model model) {
        model.addAttribute("sheet", classes.sheet(scope, sessionId));
        return "learning/classes/screen :: count";
    }
}
