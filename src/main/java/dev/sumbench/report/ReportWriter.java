package dev.sumbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a document and its charts so that readers never see a partial file: each file is written to a temporary
 * file in the same directory and then moved over the target in one step.
 */
public final class ReportWriter {

    /* Implementation notes
     * Every file is first written in full to a temporary sibling; only when all of them are written are they moved
     * into place, charts first and the document last (the document links the charts). A failure before the moves
     * deletes the temporaries and leaves every existing file as it was. The move is ATOMIC_MOVE where the file system
     * supports it (same directory, so it always should), else a plain replacing move. */

    private ReportWriter() {
    }

    /**
     * Writes {@code text} to {@code out} and each chart to {@code <dir of out>/<stem><suffix>}.
     *
     * @return the files written, charts first
     */
    public static List<Path> write(Path out, String text, String stem, List<Charts.Chart> charts) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (Charts.Chart chart : charts) {
            files.put(out.resolveSibling(stem + chart.suffix()), chart.png());
        }
        files.put(out, text.getBytes(StandardCharsets.UTF_8));
        return writeAll(files);
    }

    /**
     * Writes each file's bytes, all of them first to temporaries, then moved into place in the map's order.
     *
     * @return the files written
     */
    public static List<Path> writeAll(Map<Path, byte[]> files) throws IOException {
        Map<Path, Path> temporaries = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, byte[]> file : files.entrySet()) {
                Path dir = file.getKey().toAbsolutePath().getParent();
                Path temporary = Files.createTempFile(dir, "." + file.getKey().getFileName(), ".tmp");
                temporaries.put(file.getKey(), temporary);
                Files.write(temporary, file.getValue());
            }
            List<Path> written = new ArrayList<>();
            for (Map.Entry<Path, Path> move : temporaries.entrySet()) {
                moveIntoPlace(move.getValue(), move.getKey());
                written.add(move.getKey());
            }
            return written;
        } finally {
            for (Path temporary : temporaries.values()) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
