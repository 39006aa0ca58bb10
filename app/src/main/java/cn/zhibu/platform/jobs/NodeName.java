package cn.zhibu.platform.jobs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This node's name in a cluster: the jobs it takes and db-scheduler's executions carry it. It must stay the same across
 * restarts (so a restarted node knows the jobs it had taken are over) and differ between nodes: by default the host
 * name; two nodes on one host set {@code zhibu.node-name}.
 */
@Component
public class NodeName {

    private final String name;

    NodeName(@Value("${zhibu.node-name:}") String configured) {
        this.name = configured.isBlank() ? hostName() : configured.strip();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "zhibu";
        }
    }

    public String value() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
