package cn.zhibu.life.web;

import cn.zhibu.life.checkin.CheckinPurpose;
import cn.zhibu.life.checkin.CheckinService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a member's phone opens from the room screen's QR code. Opening it is the scan: the camera app opens the
 * link because the member pointed it at the screen, and the code lives 30 to 60 seconds, too short for a form to wait
 * on. It can do no more than a scan can — the first one stands, a repeat answers when it was — and a member who is
 * not logged in is sent to the login and brought back here (the code may have expired by then: the page says so, and
 * a new scan works). Every refusal is a page of its own with the reason, answered 4xx.
 */
@Controller
class CheckinPageController {

    private final CheckinService checkins;

    CheckinPageController(CheckinService checkins) {
        this.checkins = checkins;
    }

    @GetMapping("/life/meetings/{id}/checkin")
    String checkIn(DataScope scope, @PathVariable long id, @RequestParam(name = "c", required = false) String code,
                   Model model, HttpServletResponse response) {
        return scan(scope, id, CheckinPurpose.IN, code, model, response);
    }

    @GetMapping("/life/meetings/{id}/checkout")
    String checkOut(DataScope scope, @PathVariable long id, @RequestParam(name = "c", required = false) String code,
                    Model model, HttpServletResponse response) {
        return scan(scope, id, CheckinPurpose.OUT, code, model, response);
    }

    private String scan(DataScope scope, long id, CheckinPurpose purpose, String code, Model model,
                        HttpServletResponse response) {
        model.addAttribute("purpose", purpose);
        try {
            model.addAttribute("result", checkins.scan(scope, id, purpose, code));
        } catch (InvalidInputException e) {
            refused(model, response, 400, e.getMessage(), e.fieldErrors().containsKey("code"));
        } catch (ForbiddenException e) {
            refused(model, response, 403, e.getMessage(), false);
        } catch (NotFoundException e) {
            refused(model, response, 404, e.getMessage(), false);
        }
        return "life/checkin/scan";
    }

    private static void refused(Model model, HttpServletResponse response, int status, String message,
                                boolean rescan) {
        response.setStatus(status);
        model.addAttribute("refusal", message);
        model.addAttribute("rescan", rescan);
    }
}
