package dev.sumbench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading RSS and PSS from /proc/<pid>/smaps_rollup. */
class MemoryUseTest {

    @Test
    void parsesTheRssAndPssLinesOfASmapsRollup() {
        String text = """
                55af249a5000-7fffc74ce000 ---p 00000000 00:00 0                          [rollup]
                Rss:                1612 kB
                Pss:                 278 kB
                Pss_Dirty:           112 kB
                Shared_Clean:       1460 kB
                """;
        assertEquals(Optional.of(new MemoryUse(1612 * 1024L, 278 * 1024L)), MemoryUse.parse(text));
        assertEquals(Optional.empty(), MemoryUse.parse("Rss: 12 kB\n"), "no Pss line: nothing, not zero");
    }

    @Test
    void readsThisJvmsOwnSmapsRollupAndAgreesWithStatusVmRss() throws IOException {
        long pid = ProcessHandle.current().pid();
        assumeTrue(Files.isReadable(MemoryUse.file(pid)), "no /proc/<pid>/smaps_rollup here (not Linux)");
        MemoryUse use = MemoryUse.of(pid).orElseThrow();
        long vmRssKib = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:")).map(line -> line.trim().split("\\s+")[1])
                .mapToLong(Long::parseLong).findFirst().orElseThrow();
        assertTrue(use.pssBytes() > 0 && use.pssBytes() <= use.rssBytes(), use.toString());
        // two readings of a running JVM: within 20 % of each other
        assertEquals(vmRssKib * 1024.0, use.rssBytes(), 0.2 * use.rssBytes(), "VmRSS " + vmRssKib + " kB vs " + use);
        assertTrue(use.rssMiB() > 10, "a JVM holds more than 10 MiB: " + use.rssMiB());
    }

    @Test
    void aProcessThatDoesNotExistHasNoReadingRatherThanZero() {
        assertEquals(Optional.empty(), MemoryUse.of(Long.MAX_VALUE));
    }
}
