package cn.zhibu.platform.audit;

/** The last entry of a chain: its position and hash (seq 0 and the genesis hash for an empty chain). */
record ChainHead(int chain, long seq, String hash) {
}
