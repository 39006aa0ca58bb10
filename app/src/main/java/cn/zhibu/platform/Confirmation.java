package cn.zhibu.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The browser's confirmation of an action that cannot be undone, after the server has checked the input: a page
 * that shows what will be saved (and the soft rules it breaks), and posts the same fields again with
 * {@value #CONFIRMED}. "返回修改" posts them with {@value #REVISE}, so the form comes back as typed. Nothing is
 * asked before the input is valid, and a page without scripts confirms the same way. The API does not confirm.
 *
 * @param question what the user confirms, e.g. "确定发起组织关系转接吗？"
 * @param summary  the facts as they will be saved, one line each
 * @param warnings soft rules the action breaks (shown before it is saved, not only after)
 * @param action   where the form posts (the URL the original form posted to)
 * @param fields   the posted fields, resent as hidden inputs
 */
public record Confirmation(String title, String question, List<Line> summary, List<String> warnings, String action,
                           List<Field> fields) {

    public static final String CONFIRMED = "confirmed";
    public static final String REVISE = "revise";
    private static final Set<String> NOT_RESENT = Set.of("_csrf", CONFIRMED, REVISE);

    public record Line(String label, String value) {
    }

    public record Field(String name, String value) {
    }

    public Confirmation {
        summary = List.copyOf(summary);
        warnings = List.copyOf(warnings);
        fields = List.copyOf(fields);
    }

    /** A confirmation of what {@code request} posted, resent to the same URL. */
    public static Confirmation of(HttpServletRequest request, String title, String question, List<Line> summary,
                                  List<String> warnings) {
        return new Confirmation(title, question, summary.stream().filter(l -> l.value() != null && !l.value().isBlank())
                .toList(), warnings, request.getRequestURI(), fields(request));
    }

    /** The user confirmed on the confirmation page. */
    public static boolean confirmed(HttpServletRequest request) {
        return "true".equals(request.getParameter(CONFIRMED));
    }

    /** The user went back from the confirmation page to change the form. */
    public static boolean revising(HttpServletRequest request) {
        return "true".equals(request.getParameter(REVISE));
    }

    public static Line line(String label, Object value) {
        return new Line(label, value == null ? null : value.toString());
    }

    /** Shows the confirmation page. */
    public String show(Model model) {
        model.addAttribute("confirmation", this);
        return "platform/confirm";
    }

    private static List<Field> fields(HttpServletRequest request) {
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (NOT_RESENT.contains(e.getKey())) {
                continue;
            }
            for (String value : e.getValue()) {
                fields.add(new Field(e.getKey(), value));
            }
        }
        return fields;
    }
}
