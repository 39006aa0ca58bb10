package cn.zhibu.platform.crypto;

import cn.zhibu.platform.DataDirectory;
import org.bouncycastle.util.encoders.Hex;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The key file ({@code ./data/zhibu.keys}): hex keys by name, owner-only. Keys missing from it are generated and
 * added (an installation from before the audit key gets one on its next start); none is ever replaced.
 */
final class KeyFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Properties props = new Properties();

    private KeyFile(Path file) {
        this.file = file;
    }

    static KeyFile read(Path file) {
        KeyFile keys = new KeyFile(file);
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                keys.props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read key file " + file, e);
            }
        }
        return keys;
    }

    boolean exists() {
        return Files.exists(file);
    }

    Path path() {
        return file;
    }

    String get(String name) {
        return props.getProperty(name);
    }

    /** Keys named {@code prefix.N} by version N. */
    SortedMap<Integer, String> versions(String prefix) {
        SortedMap<Integer, String> out = new TreeMap<>();
        for (String name : props.stringPropertyNames()) {
            if (name.startsWith(prefix + ".")) {
                out.put(Integer.parseInt(name.substring(prefix.length() + 1)), props.getProperty(name));
            }
        }
        return out;
    }

    /** Adds a fresh random key and saves the file (owner-only, replaced atomically). */
    String generate(String name, int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        String hex = Hex.toHexString(key);
        props.setProperty(name, hex);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            props.store(out, "Zhibu keys - keep secret, back up with the database");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DataDirectory.writeOwnerOnly(file, out.toByteArray());
        return hex;
    }
}
