package cn.zhibu.identity;

import cn.zhibu.identity.internal.UserRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Creating accounts and granting roles. */
@Service
public class UserAccounts {

    private final UserRepository users;
    private final PasswordEncoder passwords;

    UserAccounts(UserRepository users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @Transactional
    public long create(String username, String password, String displayName, Long memberId, List<RoleGrant> grants) {
        long id = users.insert(username, passwords.encode(password), displayName, memberId);
        for (RoleGrant g : grants) {
            users.grant(id, g.role(), g.orgId());
        }
        return id;
    }

    public boolean anyExist() {
        return users.any();
    }

    public List<RoleGrant> roles(long userId) {
        return users.roles(userId);
    }
}
