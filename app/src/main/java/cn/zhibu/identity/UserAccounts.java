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

    /** The e-mail addresses of these members' accounts, for notifications (member id → address; unset ones absent). */
    public java.util.Map<Long, String> emailsOfMembers(java.util.Collection<Long> memberIds) {
        return users.emailsOfMembers(memberIds);
    }

    /** The account's e-mail address, or null when none is set. */
    public String email(long userId) {
        return users.email(userId).orElse(null);
    }

    /**
     * The owner sets (or, with a blank value, removes) the address notifications are sent to. Refused with the field
     * and the reason when it is not an address.
     */
    @Transactional
    public void changeEmail(long userId, String email) {
        String value = email == null || email.isBlank() ? null : email.strip();
        if (value != null && (value.length() > 254 || !value.matches("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"))) {
            throw cn.zhibu.platform.InvalidInputException.of("email", "电子邮箱格式不正确，如：zhangsan@example.com");
        }
        users.updateEmail(userId, value);
    }
}
