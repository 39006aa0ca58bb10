package cn.zhibu.identity.internal;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.List;

/**
 * A production start on an empty database (no demo data) creates the first 系统管理员 with a random one-time
 * password, printed this once and never stored in clear: whoever installs the platform logs in with it and must
 * choose their own before anything else. No account with a published password ever exists outside the demo.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "zhibu.demo.enabled", havingValue = false, matchIfMissing = true)
class InitialAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";
    /** No 0/O, 1/l/I: the password is read off a console and typed by hand. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 16;
    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final UserAccounts accounts;
    private final SecureRandom random = new SecureRandom();

    InitialAdministrator(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyExist()) {
            return;
        }
        String password = oneTimePassword();
        try {
            accounts.createWithOneTimePassword(USERNAME, password, "系统管理员", List.of(new RoleGrant(Role.ADMIN, null)));
        } catch (DuplicateKeyException e) {
            return; // another node created it at the same moment and printed its own password
        }
        String rule = "=".repeat(72);
        log.warn("\n{}\n  已创建首个系统管理员账号（仅显示这一次，请立即记下）：\n    用户名：{}\n    一次性密码：{}\n"
                + "  首次登录后须修改密码。\n{}", rule, USERNAME, password, rule);
    }

    String oneTimePassword() {
        while (true) {
            StringBuilder sb = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String candidate = sb.toString();
            if (candidate.chars().anyMatch(Character::isDigit) && candidate.chars().anyMatch(Character::isLetter)) {
                return candidate;
            }
        }
    }
}
