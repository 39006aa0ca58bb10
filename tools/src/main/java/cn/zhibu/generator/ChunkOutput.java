package cn.zhibu.generator;

import cn.zhibu.platform.db.CopyText;

import java.util.List;

/** What a worker made of a chunk: the member rows in COPY text, and the counts for the roll-ups. */
record ChunkOutput(MemberChunk chunk, CopyText rows, List<HolderCounts> counts) {
}
