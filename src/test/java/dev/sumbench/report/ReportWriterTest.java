package dev.sumbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesTheDocumentAndItsChartsBesideIt() throws IOException {
        Path out = dir.resolve("run.md");
        List<Path> written = ReportWriter.write(out, "tables\n", "run",
                List.of(new Charts.Chart("-time.png", "time", new byte[] {1, 2, 3})));
        assertEquals(List.of(dir.resolve("run-time.png"), out), written);
        assertEquals("tables\n", Files.readString(out));
        assertEquals(3, Files.size(dir.resolve("run-time.png")));
        assertEquals(List.of("run-time.png", "run.md"), names());
    }

    @Test
    void aFailedChartLeavesTheOldDocumentAndNoTemporaryFile() throws IOException {
        Path out = Files.writeString(dir.resolve("run.md"), "old\n");
        Files.createDirectories(dir.resolve("run-time.png").resolve("occupied"));
        assertThrows(IOException.class, () -> ReportWriter.write(out, "new\n", "run",
                List.of(new Charts.Chart("-time.png", "time", new byte[] {1}))));
        assertEquals("old\n", Files.readString(out));
        assertEquals(List.of("run-time.png", "run.md"), names());
        assertFalse(Files.isRegularFile(dir.resolve("run-time.png")));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
