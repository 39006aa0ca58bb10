package cn.zhibu.identity;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** The authenticated principal. Kept small and serializable: sessions are stored in the database. */
public final class ZhibuUser implements UserDetails, CredentialsContainer {

    private final long userId;
    private final String username;
    private String passwordHash;
    private final String displayName;
    private final boolean enabled;
    private final boolean locked;
    private final List<String> roles;

    public ZhibuUser(long userId, String username, String passwordHash, String displayName, boolean enabled,
                     boolean locked, List<String> roles) {
        this.userId = userId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.enabled = enabled;
        this.locked = locked;
        this.roles = List.copyOf(roles);
    }

    public long userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
