package cn.zhibu.member.internal;

import cn.zhibu.member.ArchiveStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Who holds a 身份证号 (by its lookup hash): a registry member, or an archived record with its status. */
@Repository
public class IdNumberHolders {

    /**
     * A record holding a number.
     *
     * @param archived null for a member of the registry
     */
    public record Holder(long memberId, String orgPath, ArchiveStatus archived) {
    }

    private static final String BY_HASHES = """
            select l.id_number_hash, m.id, m.org_path, null as archive_status
            from member_lookup l join member m on m.id = l.id where l.id_number_hash = any(?)
            union all
            select id_number_hash, id, org_path, archive_status from member_archive where id_number_hash = any(?)""";

    private final JdbcClient jdbc;

    IdNumberHolders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Holder> find(byte[] hash) {
        return findAll(List.of(hash)).values().stream().findFirst();
    }

    /** The holders of these hashes, keyed by the hash in hex (a number is in the registry or the archive, not both). */
    public Map<String, Holder> findAll(List<byte[]> hashes) {
        byte[][] array = hashes.toArray(byte[][]::new);
        return jdbc.sql(BY_HASHES).params(array, array)
                .query((rs, i) -> Map.entry(HexFormat.of().formatHex(rs.getBytes(1)), new Holder(rs.getLong(2),
                        rs.getString(3), rs.getString(4) == null ? null : ArchiveStatus.valueOf(rs.getString(4)))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }
}
