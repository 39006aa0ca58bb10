package cn.zhibu.platform.audit;

import cn.zhibu.platform.crypto.AuditKeyring;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of the checkpoint log: the head of every chain at a moment, signed with the audit key (HMAC-SM3), so that
 * the database alone cannot be made to agree with a shortened or recomputed chain. A {@code RESET} line marks a
 * deliberate emptying of the log (the generator's --replace): verification ignores the lines before it.
 */
record Checkpoint(String kind, String at, int keyVersion, List<ChainHead> heads, String mac) {

    static final String RESET = "RESET";

    static Checkpoint signed(String kind, String at, AuditKeyring keys, List<ChainHead> heads) {
        int version = keys.current();
        return new Checkpoint(kind, at, version, heads, keys.mac(version, text(kind, at, version, heads)));
    }

    boolean signatureValid(AuditKeyring keys) {
        return keys.has(keyVersion) && heads != null && keys.mac(keyVersion, text(kind, at, keyVersion, heads)).equals(mac);
    }

    private static String text(String kind, String at, int version, List<ChainHead> heads) {
        return String.join("\u001f", "zhibu-audit-checkpoint", kind, at, Integer.toString(version),
                heads.stream().map(h -> h.chain() + ":" + h.seq() + ":" + h.hash()).collect(Collectors.joining(";")));
    }
}
