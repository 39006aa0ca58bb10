package cn.zhibu.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code zhibu.security.login.*}: after {@code accountFailures} wrong passwords for one account from one address
 * within {@code accountWindow}, that address may not try that account for {@code accountFirstBlock}, doubling with
 * each further block up to {@code maxBlock}; the same per address across all accounts (against password spraying)
 * with the looser {@code addressFailures} per {@code addressWindow}. Blocks grow until the source has been quiet for
 * {@code forgetAfter}.
 */
@ConfigurationProperties("zhibu.security.login")
record LoginThrottleSettings(@DefaultValue("5") int accountFailures,
                             @DefaultValue("PT15M") Duration accountWindow,
                             @DefaultValue("PT1M") Duration accountFirstBlock,
                             @DefaultValue("30") int addressFailures,
                             @DefaultValue("PT1H") Duration addressWindow,
                             @DefaultValue("PT5M") Duration addressFirstBlock,
                             @DefaultValue("PT1H") Duration maxBlock,
                             @DefaultValue("PT24H") Duration forgetAfter) {
}
