package cn.zhibu.demo;

import cn.zhibu.identity.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * On start-up, fills an empty database (no users yet) with the demo data, then lists the demo accounts. On later
 * starts the list is shown again as long as the demo accounts exist. Off with {@code zhibu.demo.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "zhibu.demo.enabled", matchIfMissing = true)
class DemoDataRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

    private final UserAccounts accounts;
    private final UserDetailsService users;
    private final DemoDataLoader loader;
    private final Environment environment;

    DemoDataRunner(UserAccounts accounts, UserDetailsService users, DemoDataLoader loader, Environment environment) {
        this.accounts = accounts;
        this.users = users;
        this.loader = loader;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.anyExist()) {
            log.info("数据库中尚无用户，开始载入演示数据（市直机关工委、党组织、党员、班子和演示账号）……");
            long started = System.nanoTime();
            int count;
            try {
                count = loader.load();
            } catch (RuntimeException e) {
                log.error("演示数据载入失败，已全部回滚，数据库中没有留下任何演示数据", e);
                throw e;
            }
            log.info("演示数据载入完成：党员{}名，用时{}秒", count, (System.nanoTime() - started) / 1_000_000_000);
        } else if (!demoAccountsExist()) {
            return; // a real installation or a generated data set: nothing to announce
        }
        log.info(DemoAccountsBanner.text(port()));
    }

    /** The demo secretary is only ever created by the demo loader, unlike an "admin" account. */
    private boolean demoAccountsExist() {
        try {
            users.loadUserByUsername(DemoAccounts.SECRETARY);
            return true;
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    /** The port actually bound (differs from server.port when that is 0). */
    private String port() {
        return environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
