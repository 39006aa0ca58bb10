package cn.zhibu.support;

import cn.zhibu.platform.FieldCipher;
import cn.zhibu.platform.Masking;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Checks the stored masked 身份证号 and phone (V48) against the masked forms of the decrypted values. */
public final class MaskedColumns {

    private MaskedColumns() {
    }

    /** Ids of the rows of {@code table} (naming its organization in {@code org_id}) in the subtree whose stored masked forms are missing or wrong. */
    public static List<Long> mismatches(JdbcClient jdbc, FieldCipher cipher, String table, TreePath subtree) {
        List<Long> wrong = new ArrayList<>();
        jdbc.sql("select id, id_number_enc, phone_enc, id_number_masked, phone_masked from " + table
                        + " where " + SubtreeRewrite.orgIdIn("org_id"))
                .params(subtree.value(), subtree.upperBound())
                .query(rs -> {
                    String id = Masking.idNumber(cipher.decrypt(rs.getBytes("id_number_enc")));
                    String phone = Masking.phone(cipher.decrypt(rs.getBytes("phone_enc")));
                    if (rs.getString("id_number_masked") == null
                            || !id.equals(rs.getString("id_number_masked"))
                            || !Objects.equals(phone, rs.getString("phone_masked"))) {
                        wrong.add(rs.getLong("id"));
                    }
                });
        return wrong;
    }

    /** How many rows of {@code table} the subtree holds, to show a check was not vacuous. */
    public static long rows(JdbcClient jdbc, String table, TreePath subtree) {
        return jdbc.sql("select count(*) from " + table + " where " + SubtreeRewrite.orgIdIn("org_id"))
                .params(subtree.value(), subtree.upperBound()).query(Long.class).single();
    }
}
