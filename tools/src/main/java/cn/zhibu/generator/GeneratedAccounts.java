package cn.zhibu.generator;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;

import java.util.List;

/** The accounts of a generated province: the system administrator and the province's 组织部. */
final class GeneratedAccounts {

    static final String ADMIN = "admin";
    static final String PROVINCE_ADMIN = "sheng";

    private GeneratedAccounts() {
    }

    static void create(UserAccounts accounts, String password, long provinceId) {
        accounts.create(ADMIN, password, "系统管理员", null, List.of(new RoleGrant(Role.ADMIN, null)));
        accounts.create(PROVINCE_ADMIN, password, "省委组织部", null, List.of(new RoleGrant(Role.ORG_ADMIN, provinceId)));
    }
}
