package cn.zhibu.platform;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/** The logged-in caller's {@link DataScope} for a request, for platform code that runs before the controller. */
public interface CallerScopes {

    Optional<DataScope> of(HttpServletRequest request);
}
