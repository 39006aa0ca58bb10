package cn.zhibu.bench;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Accounts (党员 role) for members of the data set, written by JDBC for a step that needs many logins: one random
 * password and so one Argon2id hash for all, usernames {@code <prefix><run>-<i>}. The step removes them afterwards by
 * their prefix.
 */
record MemberAccounts(List<String> usernames, String password) {

    static MemberAccounts create(Db db, String prefix, List<Long> members) {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = "Bench@" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String hash = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(password);
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            usernames.add(prefix + run + "-" + i);
        }
        db.query("""
                        insert into app_user (username, password_hash, display_name, member_id)
                        select u, ?, m.name, m.id from unnest(?::text[], ?::bigint[]) as x(u, mid) join member m on m.id = x.mid
                        returning 1""",
                rs -> 1, hash, usernames.toArray(String[]::new), members.toArray(Long[]::new));
        db.execute("insert into user_role (user_id, role) select id, 'MEMBER' from app_user where username like '"
                + prefix + run + "-%'");
        return new MemberAccounts(List.copyOf(usernames), password);
    }
}
