package cn.zhibu.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.net.URI;

/**
 * The address at which the public reaches the platform, for links printed on documents others must trust (the QR code
 * of a 介绍信): {@code zhibu.public-url}. Never taken from a request — its Host header is the client's to forge. When
 * it is not set, the demo setup uses the local address {@code http://localhost:<port>}; anywhere else such documents
 * cannot be made (503) until it is.
 */
@Component
public class PublicAddress {

    private static final Logger log = LoggerFactory.getLogger(PublicAddress.class);

    private final String configured;
    private final boolean demo;
    private final Environment environment;

    PublicAddress(@Value("${zhibu.public-url:}") String configured, @Value("${zhibu.demo.enabled:false}") boolean demo,
                  Environment environment) {
        this.configured = configured == null ? "" : configured.strip().replaceAll("/+$", "");
        this.demo = demo;
        this.environment = environment;
        if (!this.configured.isEmpty()) {
            URI uri = URI.create(this.configured);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("zhibu.public-url 应为 http(s)://主机[:端口][/路径]，现为 " + configured);
            }
        } else if (!demo) {
            log.warn("未设置 zhibu.public-url（环境变量 ZHIBU_PUBLIC_URL）：介绍信的核验二维码、会议签到二维码和通知邮件中的链接需要平台对外地址，设置前无法生成");
        }
    }

    /** The base URL without a trailing slash, e.g. {@code https://dj.example.gov.cn}. */
    public String base() {
        if (!configured.isEmpty()) {
            return configured;
        }
        if (demo) {
            return "http://localhost:" + environment.getProperty("local.server.port",
                    environment.getProperty("server.port", "8080"));
        }
        // The same address serves the 介绍信's verification QR, the meeting check-in QR and links in e-mails.
        throw new ServiceNotConfiguredException("未配置平台对外地址（zhibu.public-url），无法生成二维码或链接（介绍信核验、会议签到），请联系系统管理员");
    }
}
