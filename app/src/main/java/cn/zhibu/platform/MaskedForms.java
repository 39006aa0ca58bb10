package cn.zhibu.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The masked display forms of 身份证号 and phone ({@link Masking}), stored beside their ciphertext in the columns
 * {@code id_number_masked} and {@code phone_masked} of a table that has {@code id_number_enc} and {@code phone_enc}:
 * lists, searches and cards show them without decrypting. Rows written before the columns existed are filled by a
 * {@link Backfills} pass ({@link #backfill}); until then a reader masks the decrypted value ({@link #idNumber},
 * {@link #phone}), so nothing shows wrong meanwhile.
 */
@Component
public class MaskedForms {

    /** The tables that carry the columns (their names go into SQL, so only these). */
    private static final Set<String> TABLES = Set.of("member", "member_archive", "admission_case");

    private final FieldCipher cipher;
    private final JdbcClient jdbc;

    MaskedForms(FieldCipher cipher, JdbcClient jdbc) {
        this.cipher = cipher;
        this.jdbc = jdbc;
    }

    /** The masked 身份证号 of a row: the stored form, or (a row not yet filled) the decrypted value masked. */
    public String idNumber(String stored, byte[] encrypted) {
        return stored != null || encrypted == null ? stored : Masking.idNumber(cipher.decrypt(encrypted));
    }

    /** The masked phone of a row (null when it has none), as {@link #idNumber}. */
    public String phone(String stored, byte[] encrypted) {
        return stored != null || encrypted == null ? stored : Masking.phone(cipher.decrypt(encrypted));
    }

    /**
     * A batch of the pass that fills a table's rows written before the columns existed. A row is filled only while
     * its masked 身份证号 is still null: a write in between stored the forms of its new values, which stay.
     */
    public Backfills.Batch backfill(String table) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("no masked columns in " + table);
        }
        return (afterId, limit) -> fill(table, afterId, limit);
    }

    private Optional<Backfills.Filled> fill(String table, long afterId, int limit) {
        List<Long> ids = new ArrayList<>(limit);
        List<String> idForms = new ArrayList<>(limit);
        List<String> phoneForms = new ArrayList<>(limit);
        jdbc.sql("select id, id_number_enc, phone_enc from " + table
                        + " where id > ? and id_number_masked is null order by id limit ?")
                .params(afterId, limit)
                .query(rs -> {
                    ids.add(rs.getLong("id"));
                    idForms.add(Masking.idNumber(cipher.decrypt(rs.getBytes("id_number_enc"))));
                    byte[] phone = rs.getBytes("phone_enc");
                    phoneForms.add(phone == null ? null : Masking.phone(cipher.decrypt(phone)));
                });
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("update " + table + " t set id_number_masked = v.id_form, phone_masked = v.phone_form"
                        + " from unnest(?::bigint[], ?::text[], ?::text[]) as v(id, id_form, phone_form)"
                        + " where t.id = v.id and t.id_number_masked is null")
                .params(ids.toArray(Long[]::new), idForms.toArray(String[]::new), phoneForms.toArray(String[]::new))
                .update();
        return Optional.of(new Backfills.Filled(ids.get(ids.size() - 1), ids.size()));
    }
}
