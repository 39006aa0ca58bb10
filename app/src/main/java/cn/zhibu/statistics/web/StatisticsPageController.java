package cn.zhibu.statistics.web;

import cn.zhibu.admission.AdmissionService;
import cn.zhibu.member.AgeBand;
import cn.zhibu.member.Education;
import cn.zhibu.member.Gender;
import cn.zhibu.member.MemberBreakdown;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.Occupation;
import cn.zhibu.member.FloatingService;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.TransferService;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.statistics.Dashboard;
import cn.zhibu.statistics.StatisticsService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The dashboard (驾驶舱) and the rule to-do list in the browser. */
@Controller
class StatisticsPageController {

    private static final int TODO_LIMIT = 200;

    private final StatisticsService statistics;
    private final OrganizationService organizations;
    private final JsonMapper json;
    private final AdmissionService admission;
    private final MembershipService membership;
    private final FloatingService floating;
    private final TransferService transfers;

    StatisticsPageController(StatisticsService statistics, OrganizationService organizations, JsonMapper json,
                             MembershipService membership, FloatingService floating, TransferService transfers,
                             AdmissionService admission) {
        this.admission = admission;
        this.transfers = transfers;
        this.floating = floating;
        this.statistics = statistics;
        this.membership = membership;
        this.organizations = organizations;
        this.json = json;
    }

    /** The dashboard (驾驶舱), one click from the inbox that is now the first page; a member has none. */
    @GetMapping("/dashboard")
    String dashboard(DataScope scope, @RequestParam(required = false) Long org, Model model) {
        List<Organization> roots = organizations.roots(scope);
        if (!scope.hasManagedScope()) {
            return "redirect:/";
        }
        long orgId = org != null ? org : roots.get(0).id();
        Dashboard d = statistics.dashboard(scope, orgId);
        model.addAttribute("dashboard", d);
        model.addAttribute("trail", organizations.ancestorsWithin(scope, d.organization()));
        model.addAttribute("children", organizations.children(scope, orgId, false));
        List<ChartPanel> charts = charts(d);
        model.addAttribute("chartPanels", charts);
        model.addAttribute("charts", json.writeValueAsString(chartData(charts)));
        model.addAttribute("admission", admission.counts(scope, orgId, LocalDate.now().getYear()));
        return "statistics/dashboard";
    }

    @GetMapping("/todo")
    String todo(DataScope scope, @RequestParam(required = false) Long org, Model model) {
        if (!scope.hasManagedScope()) {
            return "redirect:/";
        }
        List<Organization> roots = organizations.roots(scope);
        Organization root = org != null ? organizations.getManaged(scope, org) : roots.get(0);
        model.addAttribute("root", root);
        model.addAttribute("roots", roots);
        model.addAttribute("checks", statistics.todo(scope, root.id(), TODO_LIMIT));
        List<cn.zhibu.member.MemberReminder> reminders = new java.util.ArrayList<>(
                membership.reminders(scope, root.id(), TODO_LIMIT));
        reminders.addAll(floating.reminders(scope, root.id()));
        reminders.addAll(transfers.reminders(scope, root.id(), TODO_LIMIT));
        model.addAttribute("reminders", reminders);
        model.addAttribute("admissionReminders", admission.reminders(scope, root.path(), LocalDate.now(), 30, TODO_LIMIT));
        model.addAttribute("limit", TODO_LIMIT);
        return "statistics/todo";
    }

    /** The warnings of one organization, loaded into its page by htmx. */
    @GetMapping("/checks/orgs/{id}")
    String check(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute("check", statistics.check(scope, id));
        return "statistics/check :: warnings";
    }

    /** The dashboard's charts, labelled in Chinese, in the order the page shows them. */
    private static List<ChartPanel> charts(Dashboard d) {
        MemberBreakdown m = d.members();
        List<ChartPanel.Slice> ethnicity = new ArrayList<>();
        m.byEthnicity().forEach((k, v) -> ethnicity.add(new ChartPanel.Slice(k, v)));
        return List.of(
                new ChartPanel("gender", "性别", "pie", slices(Gender.values(), m.byGender(), Gender::label)),
                new ChartPanel("age", "年龄段", "bar", slices(AgeBand.values(), m.byAgeBand(), AgeBand::label)),
                new ChartPanel("education", "学历", "bar", slices(Education.values(), m.byEducation(), Education::label)),
                new ChartPanel("ethnicity", "民族", "pie", ethnicity),
                new ChartPanel("occupation", "职业", "hbar", slices(Occupation.values(), m.byOccupation(), Occupation::label)),
                new ChartPanel("orgTypes", "党组织类型", "hbar",
                        slices(OrganizationType.values(), d.organizations(), OrganizationType::label)));
    }

    /** The JSON dashboard.js draws from: chart key → slices. */
    private static Map<String, List<ChartPanel.Slice>> chartData(List<ChartPanel> panels) {
        Map<String, List<ChartPanel.Slice>> data = new LinkedHashMap<>();
        panels.forEach(p -> data.put(p.key(), p.slices()));
        return data;
    }

    private static <E> List<ChartPanel.Slice> slices(E[] keys, Map<E, Integer> counts,
                                                     java.util.function.Function<E, String> label) {
        List<ChartPanel.Slice> list = new ArrayList<>();
        for (E key : keys) {
            list.add(new ChartPanel.Slice(label.apply(key), counts.getOrDefault(key, 0)));
        }
        return list;
    }
}
