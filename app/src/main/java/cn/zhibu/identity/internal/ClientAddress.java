package cn.zhibu.identity.internal;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where a login comes from: the connection's remote address, as the servlet container reports it. That is the
 * proxy's address when the app sits behind one, unless {@code server.forward-headers-strategy=native} tells the
 * container to take the client from X-Forwarded-For (trusting only private proxy addresses); without it the header
 * is ignored, so a client cannot pick its own address. An IPv6 client is taken by its /64 network, since one host
 * commonly holds a whole /64.
 */
record ClientAddress(String value) {

    static ClientAddress of(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            return of(details.getRemoteAddress());
        }
        return new ClientAddress("unknown");
    }

    static ClientAddress of(String remote) {
        if (!remote.contains(":")) {
            return new ClientAddress(remote);
        }
        try {
            InetAddress address = InetAddress.getByName(remote); // an IP literal: no name lookup
            if (address instanceof Inet6Address) {
                byte[] b = address.getAddress();
                StringBuilder network = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    network.append(Integer.toHexString((b[i] & 0xff) << 8 | b[i + 1] & 0xff)).append(':');
                }
                return new ClientAddress(network.append(":/64").toString());
            }
            return new ClientAddress(address.getHostAddress());
        } catch (UnknownHostException e) {
            return new ClientAddress(remote);
        }
    }
}
