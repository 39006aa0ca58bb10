package cn.zhibu.identity;

import cn.zhibu.identity.internal.UserRepository;
import cn.zhibu.platform.FieldErrors;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Creating accounts, granting roles, and passwords chosen by their owners. */
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

    /** An account whose password someone else chose: its owner must replace it at the first login. */
    @Transactional
    public long createWithOneTimePassword(String username, String password, String displayName,
                                          List<RoleGrant> grants) {
        long id = create(username, password, displayName, null, grants);
        users.requirePasswordChange(id);
        return id;
    }

    public boolean mustChangePassword(long userId) {
        return users.mustChangePassword(userId);
    }

    /**
     * The owner replaces their password, proving the current one. Refused with the field and the reason when the
     * current password is wrong or the new one breaks {@link PasswordPolicy}.
     */
    @Transactional
    public void changePassword(ZhibuUser user, String current, String chosen) {
        FieldErrors errors = new FieldErrors();
        String hash = users.passwordHash(user.userId()).orElseThrow();
        if (current == null || !passwords.matches(current, hash)) {
            errors.reject("currentPassword", "原密码：不正确");
        }
        PasswordPolicy.check(user.getUsername(), current, chosen, errors);
        errors.throwIfAny();
        users.updatePassword(user.userId(), passwords.encode(chosen), false);
    }

    public boolean anyExist() {
        return users.any();
    }

    public List<RoleGrant> roles(long userId) {
        return users.roles(userId);
    }
}
