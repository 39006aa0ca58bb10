package cn.zhibu.identity;

import cn.zhibu.identity.internal.UserRepository;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.TreePath;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one place that turns a user's roles into a {@link DataScope}. It is resolved afresh for every request, so a
 * moved organization or a revoked role takes effect at once.
 */
@Service
public class DataScopes {

    private final UserRepository users;
    private final JdbcClient jdbc;
    private final Set<Role> sensitiveRoles;

    DataScopes(UserRepository users, JdbcClient jdbc,
               @Value("${zhibu.security.sensitive-roles:ADMIN,ORG_ADMIN}") Set<Role> sensitiveRoles) {
        this.users = users;
        this.jdbc = jdbc;
        this.sensitiveRoles = sensitiveRoles;
    }

    public DataScope forUser(long userId) {
        var user = jdbc.sql("select display_name, member_id from app_user where id = ?").param(userId)
                .query((rs, i) -> new Object[]{rs.getString("display_name"), rs.getObject("member_id")})
                .single();
        boolean all = false;
        boolean sensitive = false;
        List<TreePath> orgAdmin = new ArrayList<>();
        List<TreePath> members = new ArrayList<>();
        for (RoleGrant grant : users.roles(userId)) {
            sensitive |= sensitiveRoles.contains(grant.role());
            switch (grant.role()) {
                case ADMIN -> all = true;
                case ORG_ADMIN -> pathOf(grant.orgId()).ifPresent(p -> {
                    orgAdmin.add(p);
                    members.add(p);
                });
                case SECRETARY -> pathOf(grant.orgId()).ifPresent(members::add);
                case MEMBER -> {
                }
            }
        }
        Long memberId = user[1] == null ? null : ((Number) user[1]).longValue();
        TreePath selfOrg = memberId == null ? null : jdbc.sql("select org_path from member where id = ?")
                .param(memberId).query(String.class).optional().map(TreePath::new).orElse(null);
        return new DataScope(userId, (String) user[0], all, orgAdmin, members, memberId, selfOrg, sensitive);
    }

    private java.util.Optional<TreePath> pathOf(Long orgId) {
        if (orgId == null) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("select path from organization where id = ? and status = 'ACTIVE'").param(orgId)
                .query(String.class).optional().map(TreePath::new);
    }
}
