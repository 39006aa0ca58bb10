package cn.zhibu.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes the results array and the machine facts as pretty JSON, creating the directory. */
final class ResultsWriter {

    private ResultsWriter() {
    }

    static void write(BenchOptions options, List<ResultRow> rows, Map<String, Object> meta) {
        writeJson(options.out(), rows.stream().map(ResultRow::toJson).toList());
        writeJson(options.metaOut(), meta);
    }

    private static void writeJson(Path file, Object value) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(file, Json.writePretty(value) + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BenchException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
