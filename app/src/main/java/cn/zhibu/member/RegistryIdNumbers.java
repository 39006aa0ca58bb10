package cn.zhibu.member;

import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Registry members named by 身份证号 (another module's import: dues bases), found by the keyed lookup hash and only
 * within the caller's managed scope — a number registered elsewhere is answered exactly as one never registered, so
 * the lookup tells nothing about other organizations.
 */
@Component
public class RegistryIdNumbers {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    RegistryIdNumbers(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The member id of each number (as given) held by a registry member the caller manages; others absent. */
    public Map<String, Long> inScope(DataScope scope, Collection<String> idNumbers) {
        Map<String, String> byHash = new HashMap<>();
        List<byte[]> hashes = new ArrayList<>();
        for (String raw : idNumbers) {
            byte[] hash = cipher.lookupHash(IdCardNumber.normalize(raw));
            byHash.put(HexFormat.of().formatHex(hash), raw);
            hashes.add(hash);
        }
        Map<String, Long> found = new HashMap<>();
        if (hashes.isEmpty()) {
            return found;
        }
        Map<String, Object> params = DataScope.params();
        String inScope = scope.memberScopeSql("m.org_path", params);
        params.put("hashes", hashes.toArray(byte[][]::new));
        jdbc.sql("select l.id_number_hash, l.id from member_lookup l join member m on m.id = l.id"
                        + " where l.id_number_hash = any(:hashes) and " + inScope)
                .params(params)
                .query((rs, i) -> found.put(byHash.get(HexFormat.of().formatHex(rs.getBytes(1))), rs.getLong(2)))
                .list();
        return found;
    }
}
