package cn.zhibu.member;

import cn.zhibu.member.internal.IdNumberHolders;
import cn.zhibu.member.internal.IdNumberHolders.Holder;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldCipher;
import cn.zhibu.platform.IdNumberHits;
import cn.zhibu.platform.IdNumberHits.Probe;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a 身份证号 may be given to a person: not when a registry member or an archived record holds it (one who
 * transferred off the platform may come back). The answer, its audit entry and the hourly limit are
 * {@link IdNumberHits}' — the one policy every form, import and module uses. Call it only once everything else in
 * the request is valid.
 */
@Service
public class IdNumberCheck {

    private final IdNumberHolders holders;
    private final IdNumberHits hits;
    private final FieldCipher cipher;

    IdNumberCheck(IdNumberHolders holders, IdNumberHits hits, FieldCipher cipher) {
        this.holders = holders;
        this.hits = hits;
        this.cipher = cipher;
    }

    /**
     * Why this (valid, normalized) number cannot be used, as the caller may be told; empty when it may.
     *
     * @param exceptMemberId the member being edited, who may keep their own number (null otherwise)
     * @throws cn.zhibu.platform.RateLimitedException beyond the caller's hourly hits elsewhere
     */
    public Optional<String> refusal(DataScope caller, IdNumberUse use, String idNumber, Long exceptMemberId) {
        return holders.find(cipher.lookupHash(idNumber))
                .filter(h -> exceptMemberId == null || h.archived() != null || h.memberId() != exceptMemberId)
                .flatMap(h -> probe(use, idNumber, h))
                .map(probe -> hits.answer(caller, use.operation(), probe, use.elsewhere()));
    }

    /**
     * The same for many numbers at once (an import): number → why it cannot be used, for those that cannot.
     *
     * @param hashes the numbers with their lookup hashes
     * @throws cn.zhibu.platform.RateLimitedException beyond the caller's hourly hits elsewhere
     */
    public Map<String, String> refusals(DataScope caller, IdNumberUse use, Map<String, byte[]> hashes) {
        Map<String, Holder> known = new LinkedHashMap<>();
        List<byte[]> all = new ArrayList<>(hashes.values());
        for (int i = 0; i < all.size(); i += 10_000) {
            known.putAll(holders.findAll(all.subList(i, Math.min(all.size(), i + 10_000))));
        }
        List<String> numbers = new ArrayList<>();
        List<Probe> probes = new ArrayList<>();
        hashes.forEach((number, hash) -> {
            Holder holder = known.get(HexFormat.of().formatHex(hash));
            if (holder != null) {
                probe(use, number, holder).ifPresent(p -> {
                    numbers.add(number);
                    probes.add(p);
                });
            }
        });
        Map<String, String> refusals = new LinkedHashMap<>();
        if (!probes.isEmpty()) {
            List<String> answers = hits.answerAll(caller, use.operation(), probes, use.elsewhere());
            for (int i = 0; i < numbers.size(); i++) {
                refusals.put(numbers.get(i), answers.get(i));
            }
        }
        return refusals;
    }

    /** A hit to answer, or none for one who transferred off the platform and may be registered again. */
    private static Optional<Probe> probe(IdNumberUse use, String idNumber, Holder h) {
        String inScope = h.archived() == null ? use.registered() : archivedProblem(h.archived());
        return inScope == null ? Optional.empty() : Optional.of(new Probe(idNumber,
                new IdNumberHits.Holder("member", h.memberId(), h.orgPath(),
                        h.archived() == null ? inScope : inScope + use.suffix())));
    }

    /** Why an archived number cannot be registered again; null for one who transferred out and returns. */
    static String archivedProblem(ArchiveStatus status) {
        return switch (status) {
            case SUSPENDED -> "该身份证号的党员已停止党籍：恢复联系的，请在“停止党籍/出党党员”中办理恢复党籍";
            case DECEASED -> "该身份证号的党员已登记去世";
            case LEFT -> "该身份证号的党员已出党，重新入党须按发展党员程序办理";
            case TRANSFERRED_OUT -> null;
        };
    }
}
