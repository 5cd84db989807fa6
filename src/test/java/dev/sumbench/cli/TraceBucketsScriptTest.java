package dev.sumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.core.ExitCodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/lib/trace-buckets.awk}, the median time per stretch of a {@code sum --trace} file that the findings
 * quote: on a real trace, against the same medians computed here.
 */
class TraceBucketsScriptTest {

    @TempDir
    Path dir;

    @Test
    void eachStretchsMedianIsTheMedianOfTheSumsThatStartedInIt() throws Exception {
        Path trace = dir.resolve("trace.csv");
        CliRun run = CliRun.of("sum", "--strategy", "thread-pool", "--size", "2000000", "--workers", "2",
                "--chunking", "fixed", "--repeat", "200", "--trace", trace.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());

        for (int ms : new int[] {20, 5}) {
            TreeMap<Long, List<Long>> stretches = new TreeMap<>();
            List<String> lines = Files.readAllLines(trace);
            for (String line : lines.subList(1, lines.size())) {
                String[] cell = line.split(",");
                stretches.computeIfAbsent(Long.parseLong(cell[1]) / (ms * 1_000_000L), k -> new ArrayList<>())
                        .add(Long.parseLong(cell[2]));
            }
            List<String> expected = new ArrayList<>();
            for (long b = 0; b <= stretches.lastKey(); b++) {
                List<Long> times = stretches.get(b);
                if (times == null) {
                    expected.add("-");
                    continue;
                }
                long[] t = times.stream().mapToLong(Long::longValue).sorted().toArray();
                double median = t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2.0;
                expected.add(Long.toString((long) (median / 1000 + 0.5)));
            }
            assertTrue(expected.size() >= 5, "a probe of 200 ms at least: " + expected);
            Awk awk = awk("-v", "ms=" + ms, trace.toString());
            assertEquals(0, awk.exitCode(), awk.output());
            assertEquals(String.join(" ", expected), awk.output().strip(), "ms=" + ms);
        }
    }

    @Test
    void aStretchThatIsNotPositiveIsRefusedInOneLine() throws Exception {
        Path trace = dir.resolve("empty.csv");
        Files.writeString(trace, "call,start_ns,ns,way,kept,prefers\n");
        Awk awk = awk("-v", "ms=0", trace.toString());
        assertEquals(2, awk.exitCode());
        assertEquals("trace-buckets.awk: ms must be a positive number of milliseconds, got '0'", awk.output().strip());
    }

    private record Awk(int exitCode, String output) {
    }

    private static Awk awk(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("awk", "-f",
                Path.of("scripts", "lib", "trace-buckets.awk").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "awk answers at once");
        return new Awk(process.exitValue(), output);
    }
}
