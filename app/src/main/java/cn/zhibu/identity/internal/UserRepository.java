package cn.zhibu.identity.internal;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.ZhibuUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

@Repository
public class UserRepository {

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ZhibuUser> findByUsername(String username) {
        return jdbc.sql("select * from app_user where username = ?").param(username)
                .query((rs, i) -> {
                    OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
                    boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(Instant.now());
                    long id = rs.getLong("id");
                    return new ZhibuUser(id, rs.getString("username"), rs.getString("password_hash"),
                            rs.getString("display_name"), rs.getBoolean("enabled"), locked,
                            roles(id).stream().map(g -> g.role().name()).distinct().toList());
                }).optional();
    }

    public Optional<ZhibuUser> findById(long id) {
        return jdbc.sql("select username from app_user where id = ?").param(id).query(String.class).optional()
                .flatMap(this::findByUsername);
    }

    public List<RoleGrant> roles(long userId) {
        return jdbc.sql("select role, org_id from user_role where user_id = ? order by role, org_id").param(userId)
                .query((rs, i) -> new RoleGrant(Role.valueOf(rs.getString("role")), (Long) rs.getObject("org_id")))
                .list();
    }

    public void recordLogin(String username) {
        jdbc.sql("update app_user set last_login_at = now() where username = ?").param(username).update();
    }

    public long insert(String username, String passwordHash, String displayName, Long memberId) {
        return jdbc.sql("insert into app_user(username, password_hash, display_name, member_id) values (?, ?, ?, ?)"
                        + " returning id")
                .params(username, passwordHash, displayName, memberId).query(Long.class).single();
    }

    public void grant(long userId, Role role, Long orgId) {
        jdbc.sql("insert into user_role(user_id, role, org_id) values (?, ?, ?) on conflict do nothing")
                .params(userId, role.name(), orgId).update();
    }

    public boolean mustChangePassword(long userId) {
        return jdbc.sql("select must_change_password from app_user where id = ?").param(userId)
                .query(Boolean.class).optional().orElse(false);
    }

    public void updatePassword(long userId, String passwordHash, boolean mustChange) {
        jdbc.sql("update app_user set password_hash = ?, must_change_password = ? where id = ?")
                .params(passwordHash, mustChange, userId).update();
    }

    public void requirePasswordChange(long userId) {
        jdbc.sql("update app_user set must_change_password = true where id = ?").param(userId).update();
    }

    public Optional<String> passwordHash(long userId) {
        return jdbc.sql("select password_hash from app_user where id = ?").param(userId).query(String.class).optional();
    }

    public boolean any() {
        return jdbc.sql("select exists(select 1 from app_user)").query(Boolean.class).single();
    }

    // ---- API tokens -----------------------------------------------------------------------------------

    public void insertToken(String tokenHash, long userId, Instant expiresAt) {
        jdbc.sql("insert into api_token(token_hash, user_id, expires_at) values (?, ?, ?)")
                .params(tokenHash, userId, expiresAt.atOffset(ZoneOffset.UTC)).update();
    }

    /** The user behind a live token, with roles, in one query (it runs on every API request). */
    public Optional<ZhibuUser> userOfToken(String tokenHash) {
        return jdbc.sql("""
                select u.id, u.username, u.display_name, u.enabled,
                       coalesce(u.locked_until > now(), false) as locked,
                       array(select distinct r.role from user_role r where r.user_id = u.id) as roles
                from api_token t join app_user u on u.id = t.user_id
                where t.token_hash = ? and t.expires_at > now()""")
                .param(tokenHash)
                .query((rs, i) -> new ZhibuUser(rs.getLong("id"), rs.getString("username"), null,
                        rs.getString("display_name"), rs.getBoolean("enabled"), rs.getBoolean("locked"),
                        List.of((String[]) rs.getArray("roles").getArray())))
                .optional();
    }

    public void deleteToken(String tokenHash) {
        jdbc.sql("delete from api_token where token_hash = ?").param(tokenHash).update();
    }

    /** The e-mail addresses of the enabled accounts of these members (member id → address), where set. */
    public java.util.Map<Long, String> emailsOfMembers(java.util.Collection<Long> memberIds) {
        java.util.Map<Long, String> emails = new java.util.HashMap<>();
        if (!memberIds.isEmpty()) {
            jdbc.sql("""
                            select member_id, email from app_user
                            where member_id = any(?) and enabled and email is not null order by id""")
                    .param(memberIds.toArray(Long[]::new))
                    .query((rs, i) -> emails.putIfAbsent(rs.getLong(1), rs.getString(2))).list();
        }
        return emails;
    }

    public Optional<String> email(long userId) {
        return jdbc.sql("select email from app_user where id = ?").param(userId).query(String.class).optional();
    }

    public void updateEmail(long userId, String email) {
        jdbc.sql("update app_user set email = ? where id = ?").params(email, userId).update();
    }
}
