package cn.zhibu.platform.audit;

import cn.zhibu.platform.DataDirectory;
import cn.zhibu.platform.crypto.AuditKeyring;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only checkpoint files: one in the data directory and, when {@code zhibu.audit.anchor-dir} is set, one
 * in that external directory (a mount the database administrator cannot write). Lines are JSON, appended under a
 * file lock (several app nodes may share the external file) and forced to disk.
 */
final class CheckpointLog {

    static final String FILE_NAME = "audit-checkpoints.log";

    private final List<Path> files;
    private final AuditKeyring keys;
    private final JsonMapper json;

    CheckpointLog(List<Path> files, AuditKeyring keys, JsonMapper json) {
        this.files = List.copyOf(files);
        this.keys = keys;
        this.json = json;
    }

    void append(String kind, List<ChainHead> heads) {
        Checkpoint checkpoint = Checkpoint.signed(kind, Instant.now().toString(), keys, heads);
        byte[] line = (json.writeValueAsString(checkpoint) + "\n").getBytes(StandardCharsets.UTF_8);
        IOException failed = null;
        for (Path file : files) {
            try {
                append(file, line);
            } catch (IOException e) {
                failed = e; // still write the other file
            }
        }
        if (failed != null) {
            throw new UncheckedIOException("cannot write audit checkpoint", failed);
        }
    }

    private static void append(Path file, byte[] line) throws IOException {
        DataDirectory.createOwnerOnlyDirectories(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file);
            DataDirectory.ownerOnly(file);
        } catch (FileAlreadyExistsException ignored) {
            // appended to
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
             var lock = channel.lock()) {
            channel.write(ByteBuffer.wrap(line));
            channel.force(true);
        }
    }

    /** What the checkpoints since the last reset say about each chain, and any line that is not genuine. */
    Anchors read() {
        Map<Integer, Anchor> byChain = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            if (!Files.exists(file)) {
                continue;
            }
            List<Checkpoint> valid = new ArrayList<>();
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add("无法读取审计检查点文件 " + file + "：" + e.getMessage());
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                Checkpoint checkpoint = parse(lines.get(i));
                if (checkpoint == null || !checkpoint.signatureValid(keys)) {
                    problems.add("审计检查点文件 " + file + " 第 " + (i + 1) + " 行无法读取或签名不符：检查点文件被改动");
                    continue;
                }
                if (Checkpoint.RESET.equals(checkpoint.kind())) {
                    valid.clear();
                }
                valid.add(checkpoint);
            }
            for (Checkpoint checkpoint : valid) {
                for (ChainHead head : checkpoint.heads()) {
                    byChain.merge(head.chain(), Anchor.of(head, checkpoint.at()), Anchor::merge);
                }
            }
        }
        return new Anchors(byChain, problems);
    }

    private Checkpoint parse(String line) {
        try {
            return json.readValue(line, Checkpoint.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The earliest and the latest head a chain had at a checkpoint (since the last reset). */
    record Anchor(long firstSeq, String firstHash, long lastSeq, String lastHash, String lastAt) {

        static Anchor of(ChainHead head, String at) {
            return new Anchor(head.seq(), head.hash(), head.seq(), head.hash(), at);
        }

        Anchor merge(Anchor other) {
            Anchor first = other.firstSeq < firstSeq ? other : this;
            Anchor last = other.lastSeq >= lastSeq ? other : this; // the later line when equal
            return new Anchor(first.firstSeq, first.firstHash, last.lastSeq, last.lastHash, last.lastAt);
        }
    }

    record Anchors(Map<Integer, Anchor> byChain, List<String> problems) {

        Anchor of(int chain) {
            return byChain.get(chain);
        }

        /** The time of the latest checkpoint of any chain, or null when there is none. */
        Instant latest() {
            return byChain.values().stream().map(a -> Instant.parse(a.lastAt())).max(Instant::compareTo).orElse(null);
        }
    }
}
