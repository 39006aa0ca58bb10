package cn.zhibu.generator;

import cn.zhibu.platform.db.CopyText;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * Generates, encrypts and encodes the members of one chunk, from a random stream seeded by (seed, chunk index)
 * alone, so a chunk comes out the same whichever worker runs it.
 */
final class ChunkTask implements Callable<ChunkOutput> {

    /** Typical bytes of one member row in COPY text, mostly the hex of the encrypted and hashed fields. */
    private static final int ROW_BYTES = 560;

    private final MemberChunk chunk;
    private final List<PlannedOrg> orgs;
    private final long seed;
    private final Demographics demographics;
    private final PhoneNumbers phones;
    private final MemberRows rows;
    private final RollupKeys keys;

    ChunkTask(MemberChunk chunk, List<PlannedOrg> orgs, long seed, Demographics demographics, PhoneNumbers phones,
              MemberRows rows, RollupKeys keys) {
        this.chunk = chunk;
        this.orgs = orgs;
        this.seed = seed;
        this.demographics = demographics;
        this.phones = phones;
        this.rows = rows;
        this.keys = keys;
    }

    @Override
    public ChunkOutput call() {
        SplittableRandom random = new SplittableRandom(Long.rotateLeft(seed, 17) ^ (chunk.index() + 1) * 0xD1B54A32D192ED03L);
        PersonFactory people = new PersonFactory(demographics, new IdNumbers(chunk.region(), chunk.block()), phones,
                random);
        CopyText text = new CopyText(chunk.members() * ROW_BYTES);
        List<HolderCounts> counts = new ArrayList<>(chunk.holders().length);
        GeneratedMember member = new GeneratedMember();
        long id = chunk.firstMemberId();
        for (int index : chunk.holders()) {
            PlannedOrg holder = orgs.get(index);
            MemberRows.Holder place = MemberRows.Holder.of(holder);
            int[] dense = new int[keys.size()];
            for (int k = 0; k < holder.members; k++) {
                people.make(member, id++, holder.workforce);
                rows.write(text, member, place);
                keys.count(dense, member);
            }
            counts.add(HolderCounts.of(index, dense));
        }
        return new ChunkOutput(chunk, text, counts);
    }
}
