package cn.zhibu.learning.exam.web;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** The organizations a manager may set a bank or an exam for: the active ones of their managed subtrees, in tree order. */
@Component
class ManagedOrgs {

    private static final int LIMIT = 500;

    private final OrganizationService organizations;

    ManagedOrgs(OrganizationService organizations) {
        this.organizations = organizations;
    }

    List<Organization> options(DataScope scope, String refusal) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException(refusal);
        }
        List<Organization> options = new ArrayList<>();
        for (Organization root : organizations.managedRoots(scope)) {
            options.addAll(organizations.subtree(scope, root.id(), LIMIT, 0).stream().filter(Organization::active).toList());
        }
        return options;
    }

    /** The one organization to preselect when the caller has a single choice. */
    static Long single(List<Organization> options) {
        return options.size() == 1 ? options.get(0).id() : null;
    }
}
