package cn.zhibu.member.web;

import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What was typed into one of the member page's transfer forms, given back to it after a refusal or "返回修改" — the
 * receiving organization with its name, since its list is otherwise filled only by a search.
 */
record TransferInput(boolean outbound, Long toOrgId, String toOrgName, String reason, String duesPaidUntil,
                     String externalOrg) implements java.io.Serializable {

    static TransferInput of(HttpServletRequest request, OrganizationService organizations) {
        Long toOrgId = null;
        String toOrgName = null;
        try {
            toOrgId = request.getParameter("toOrgId") == null || request.getParameter("toOrgId").isBlank() ? null
                    : Long.valueOf(request.getParameter("toOrgId"));
            // named only if it is one the target search offers anyway (an active branch or 党小组)
            var org = toOrgId == null ? null : organizations.describe(toOrgId);
            toOrgName = org != null && org.active() && org.type().holdsMembers() ? org.name() : null;
            toOrgId = toOrgName == null ? null : toOrgId;
        } catch (NumberFormatException | NotFoundException e) {
            toOrgId = null;
        }
        return new TransferInput(request.getRequestURI().endsWith("/outbound"), toOrgId, toOrgName,
                request.getParameter("reason"), request.getParameter("duesPaidUntil"), request.getParameter("externalOrg"));
    }
}
