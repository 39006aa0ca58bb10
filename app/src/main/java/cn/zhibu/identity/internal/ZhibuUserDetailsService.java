package cn.zhibu.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class ZhibuUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    ZhibuUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
