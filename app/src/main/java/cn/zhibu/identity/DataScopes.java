package cn.zhibu.identity;

import cn.zhibu.platform.DataScope;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import cn.zhibu.platform.TreePath;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one place that turns a user's roles into a {@link DataScope}. Kept for a few seconds per user (every request
 * needs it): a granted or revoked role or a moved organization takes effect within that time. A stale scope can
 * only show less, never more: paths hold unique ids, so an old path range matches nothing once its organization
 * has moved, and a dissolved organization has no members left.
 */
@Service
public class DataScopes {

    private final JdbcClient jdbc;
    private final Set<Role> sensitiveRoles;
    private final Cache<Long, DataScope> recent;

    DataScopes(JdbcClient jdbc,
               @Value("${zhibu.security.sensitive-roles:ADMIN,ORG_ADMIN}") Set<Role> sensitiveRoles,
               @Value("${zhibu.security.cache-seconds:5}") int cacheSeconds) {
        this.jdbc = jdbc;
        this.sensitiveRoles = sensitiveRoles;
        this.recent = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(cacheSeconds)).maximumSize(100_000)
                .build();
    }

    public DataScope forUser(long userId) {
        return recent.get(userId, this::resolve);
    }

    /** Forgets a user's cached scope, after their roles change. */
    public void forget(long userId) {
        recent.invalidate(userId);
    }

    private DataScope resolve(long userId) {
        Object[] user = jdbc.sql("""
                        select u.display_name, u.member_id, m.org_path from app_user u
                        left join member m on m.id = u.member_id where u.id = ?""")
                .param(userId)
                .query((rs, i) -> new Object[]{rs.getString(1), rs.getObject(2), rs.getString(3)})
                .single();
        boolean all = false;
        boolean sensitive = false;
        List<TreePath> orgAdmin = new ArrayList<>();
        List<TreePath> members = new ArrayList<>();
        // A role at a dissolved organization grants nothing: the join only finds active ones.
        List<Object[]> grants = jdbc.sql("""
                        select r.role, o.path from user_role r
                        left join organization o on o.id = r.org_id and o.status = 'ACTIVE' where r.user_id = ?""")
                .param(userId).query((rs, i) -> new Object[]{Role.valueOf(rs.getString(1)), rs.getString(2)}).list();
        for (Object[] grant : grants) {
            Role role = (Role) grant[0];
            TreePath path = grant[1] == null ? null : new TreePath((String) grant[1]);
            sensitive |= sensitiveRoles.contains(role);
            switch (role) {
                case ADMIN -> all = true;
                case ORG_ADMIN -> {
                    if (path != null) {
                        orgAdmin.add(path);
                        members.add(path);
                    }
                }
                case SECRETARY -> {
                    if (path != null) {
                        members.add(path);
                    }
                }
                case MEMBER -> {
                }
            }
        }
        Long memberId = user[1] == null ? null : ((Number) user[1]).longValue();
        TreePath selfOrg = user[2] == null ? null : new TreePath((String) user[2]);
        return new DataScope(userId, (String) user[0], all, orgAdmin, members, memberId, selfOrg, sensitive);
    }
}
