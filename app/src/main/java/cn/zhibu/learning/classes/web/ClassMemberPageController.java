package cn.zhibu.learning.classes.web;

import cn.zhibu.learning.classes.ClassCheck;
import cn.zhibu.learning.classes.ClassService;
import cn.zhibu.learning.classes.ClassSession;
import cn.zhibu.learning.classes.SessionAttendance;
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
 * The member's 培训班 pages, phone first: 我的培训班 (sessions, own attendance, completed or not) and the page the
 * session screen's QR code opens. As for a life meeting's check-in, opening that page is the scan (the camera app opens
 * the link because the member pointed it at the screen; the code lives 30 to 60 seconds): it can do no more than a
 * scan — the first one stands, a repeat says when it was — and every refusal is a page with the reason, answered 4xx.
 */
@Controller
class ClassMemberPageController {

    private final ClassService classes;

    ClassMemberPageController(ClassService classes) {
        this.classes = classes;
    }

    @GetMapping("/learning/classes/mine")
    String mine(DataScope scope, Model model) {
        model.addAttribute("classes", classes.mine(scope));
        model.addAttribute("isMember", scope.selfMemberId() != null);
        model.addAttribute("manages", scope.hasManagedScope());
        return "learning/classes/mine";
    }

    @GetMapping("/learning/classes/mine/{id}")
    String myClass(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("my", classes.myClass(scope, id));
        return "learning/classes/my-class";
    }

    @GetMapping("/learning/classes/sessions/{sessionId}/scan")
    String scan(DataScope scope, @PathVariable long sessionId, @RequestParam(defaultValue = "IN") ClassCheck purpose,
                @RequestParam(name = "c", required = false) String code, Model model, HttpServletResponse response) {
        model.addAttribute("purpose", purpose);
        try {
            boolean before = alreadyDone(scope, sessionId, purpose);
            SessionAttendance row = classes.scan(scope, sessionId, purpose, code);
            ClassSession s = classes.session(scope, sessionId);
            model.addAttribute("row", row);
            model.addAttribute("session", s);
            model.addAttribute("trainingClass", classes.classOf(s));
            model.addAttribute("repeated", before);
        } catch (InvalidInputException e) {
            refused(model, response, 400, e.getMessage(), e.fieldErrors().containsKey("code"));
        } catch (ForbiddenException e) {
            refused(model, response, 403, e.getMessage(), false);
        } catch (NotFoundException e) {
            refused(model, response, 404, e.getMessage(), false);
        }
        return "learning/classes/scan";
    }

    /** Whether the member had already checked in (or out) at this session: a repeated scan says when it was. */
    private boolean alreadyDone(DataScope scope, long sessionId, ClassCheck purpose) {
        try {
            ClassSession s = classes.session(scope, sessionId);
            return classes.myClass(scope, s.classId()).attendance().stream()
                    .filter(a -> a.sessionId() == sessionId).findFirst()
                    .map(a -> purpose == ClassCheck.IN ? a.checkedIn() : a.checkedOut()).orElse(false);
        } catch (NotFoundException e) {
            return false; // the scan itself answers why
        }
    }

    private static void refused(Model model, HttpServletResponse response, int status, String message, boolean rescan) {
        response.setStatus(status);
        model.addAttribute("refusal", message);
        model.addAttribute("rescan", rescan);
    }
}
