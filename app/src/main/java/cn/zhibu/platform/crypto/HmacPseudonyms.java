package cn.zhibu.platform.crypto;

import cn.zhibu.platform.Pseudonyms;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/** HMAC-SM3 under the pseudonym key over (context, context id, person id). */
@Component
class HmacPseudonyms implements Pseudonyms {

    private final byte[] key;

    HmacPseudonyms(KeyMaterial keys) {
        this.key = keys.pseudonymKey();
    }

    @Override
    public byte[] of(String context, long contextId, long personId) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] input = (context + ":" + contextId + ":" + personId).getBytes(StandardCharsets.UTF_8);
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }
}
