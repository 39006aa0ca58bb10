package cn.zhibu.platform;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.TimeZone;

/**
 * The platform's day is Beijing's, whatever zone the server is set to: the rules count days (a 预备期 ends, a course
 * is overdue, an applicant turns 18), the forms take dates and meeting times in China Standard Time, and the code
 * reads "today" and "now" from the JVM's default zone. A server or CI machine on UTC would otherwise begin each day
 * eight hours late (from 00:00 to 08:00 in Beijing the inbox called yesterday today). Set before anything else starts,
 * the JDBC driver also gives each database session this zone.
 */
public class ChinaStandardTime implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        TimeZone.setDefault(TimeZone.getTimeZone(PlatformClock.ZONE));
    }
}
