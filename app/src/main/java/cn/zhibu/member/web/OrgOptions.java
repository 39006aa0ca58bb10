package cn.zhibu.member.web;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.DataScope;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** The organizations a member form or filter offers: the caller's managed subtrees, in tree order. */
@Component
class OrgOptions {

    private static final int LIMIT = 500;

    private final OrganizationService organizations;

    OrgOptions(OrganizationService organizations) {
        this.organizations = organizations;
    }

    List<Organization> managed(DataScope scope) {
        List<Organization> options = new ArrayList<>();
        for (Organization root : organizations.roots(scope)) {
            if (scope.managesMembersAt(root.path().value())) {
                options.addAll(organizations.subtree(scope, root.id(), LIMIT, 0));
            }
        }
        return options;
    }
}
