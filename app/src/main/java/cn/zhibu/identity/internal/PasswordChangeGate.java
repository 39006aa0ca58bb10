package cn.zhibu.identity.internal;

import cn.zhibu.identity.UserAccounts;
import cn.zhibu.identity.ZhibuUser;
import cn.zhibu.platform.StaticFiles;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Keeps a browser session whose password must be changed (a one-time password) on the password page: the login
 * marks the session, every other page redirects there until the owner has chosen a password. Checked once at
 * login, so other requests pay nothing.
 */
public class PasswordChangeGate extends OncePerRequestFilter {

    public static final String PAGE = "/account/password";
    private static final String REQUIRED = "zhibu.passwordChangeRequired";

    /** After a successful form login: to the password page when required, else where the user was going. */
    public static AuthenticationSuccessHandler loginHandler(UserAccounts accounts) {
        SavedRequestAwareAuthenticationSuccessHandler usual = new SavedRequestAwareAuthenticationSuccessHandler();
        return (HttpServletRequest request, HttpServletResponse response, Authentication auth) -> {
            if (auth.getPrincipal() instanceof ZhibuUser user && accounts.mustChangePassword(user.userId())) {
                request.getSession().setAttribute(REQUIRED, Boolean.TRUE);
                response.sendRedirect(PAGE);
                return;
            }
            usual.onAuthenticationSuccess(request, response, auth);
        };
    }

    public static void changed(HttpSession session) {
        session.removeAttribute(REQUIRED);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the allowed paths first: a static file must not even read the session. Spring Session saves a session it
        // read when the request ends, its id included, so a file fetched with the cookie from before a login and
        // answered after it would turn the login's new session id back into the old one, and the login's first
        // page would find nobody logged in (the service worker fetches its files while the user logs in).
        if (!allowed(request.getRequestURI())) {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(REQUIRED) != null) {
                response.sendRedirect(PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean allowed(String uri) {
        // the installable app's files among the static ones: a redirect would make the service worker's
        // registration fail
        return uri.equals(PAGE) || uri.equals("/logout") || uri.equals("/error") || StaticFiles.isStaticFile(uri);
    }
}
