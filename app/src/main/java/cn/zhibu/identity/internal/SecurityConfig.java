package cn.zhibu.identity.internal;

import cn.zhibu.identity.UserAccounts;
import cn.zhibu.platform.StaticFiles;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two chains: the API (stateless, bearer tokens, no CSRF since no cookies authenticate it) and the browser
 * (form login, CSRF, sessions in the database, security headers).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfig {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'";

    /**
     * No observations of Spring Security's own (a span per filter, per authentication, per authorization): the
     * request's own observation (its metrics) stays. Turning them off by property left a decorator around every filter
     * of every request that asked the registry each time (a few percent of a study beat's samples in a profile; below
     * the noise of a CPU-per-request measurement).
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    AuthenticationManager authenticationManager(ZhibuUserDetailsService users, PasswordEncoder encoder,
                                                LoginThrottle throttle, UserRepository accounts) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottlingAuthenticationProvider(dao, throttle, accounts));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/password").permitAll()
                        // 党费: the rules' calculator saves nothing and reads nobody's data; the payment provider's
                        // notifications carry its signature instead of a login
                        .requestMatchers(HttpMethod.GET, "/api/v1/dues/compute").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/dues/online/notify").permitAll()
                        .anyRequest().authenticated())
                // through the error dispatch, which answers /api/** with a problem document (platform's error page)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> res.sendError(HttpServletResponse.SC_UNAUTHORIZED))
                        .accessDeniedHandler((req, res, ex) -> res.sendError(HttpServletResponse.SC_FORBIDDEN)))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, AuthenticationManager throttledLogin,
                                 UserAccounts accounts) throws Exception {
        // explicitly: otherwise Spring builds the form login its own manager from the UserDetailsService bean,
        // and the form would not be throttled
        http.authenticationManager(throttledLogin)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(StaticFiles.patterns()).permitAll()
                        .requestMatchers("/login", "/favicon.ico", "/error", "/actuator/health", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html", "/verify/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(PasswordChangeGate.loginHandler(accounts))
                        .permitAll())
                // a new session at login rather than the old one renamed: Spring Session writes a session's id back
                // with every save, so a page request under way with the old id (another tab, a double click) would
                // otherwise undo the rename when it ends, and the user would be logged out at once
                .sessionManagement(s -> s.sessionFixation(f -> f.migrateSession()))
                .addFilterAfter(new PasswordChangeGate(), AuthorizationFilter.class)
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
