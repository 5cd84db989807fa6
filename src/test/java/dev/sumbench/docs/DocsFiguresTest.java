package dev.sumbench.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.report.Durations;
import dev.sumbench.report.Formats;
import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import dev.sumbench.results.RunReader;
import dev.sumbench.stats.Ratio;
import dev.sumbench.stats.SumAnalysis;
import dev.sumbench.stats.SumMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The figures that README.md and docs/findings.md quote from the committed reference runs, each read again from the
 * run's JSON with {@link RunReader}: a figure in the docs is the number the run holds, rounded as the tables round it.
 *
 * <p>Each entry names the page, a piece of its text that holds the figure (so the figure cannot move away from what
 * it describes), the run, and the row: a score ({@link Durations#format}) or a speedup over {@code sequential} as
 * table 2 computes it ({@link Formats#ratio}). A figure added to the docs belongs here.
 */
class DocsFiguresTest {

    private static final Path REFERENCE = Path.of("results", "reference", "epyc-2vcpu");
    private static final String JDK17 = "20261126-090804_vm_jdk17";
    private static final String JDK17_AGAIN = "20261126-094804_vm_jdk17";
    private static final String JDK25 = "20261126-092650_vm_jdk25";
    private static final String README = "README.md";
    private static final String FINDINGS = "docs/findings.md";

    private static final String SUM = "SumBenchmark.sum";
    private static final String DISPATCH = "DispatchBenchmark.handOff";
    private static final String BARE_JVM = "SpawnBenchmark.bareJvm";
    private static final String SPAWN = "SpawnBenchmark.spawnSum";
    private static final String ARRAY = "LayoutBenchmark.array";
    private static final String BOXED = "LayoutBenchmark.boxed";

    /** A quoted figure: where the docs quote it, and where the run holds it. */
    sealed interface Figure permits Score, Speedup {
        String doc();

        String text();

        String run();

        String expected();
    }

    /** A score of one row, in the tables' rounding of a time ({@code 31.9 µs}). */
    record Score(String doc, String text, String run, String benchmark, Map<String, String> params, String expected)
            implements Figure {
    }

    /** A speedup over sequential as table 2 prints it ({@code 1.82× [1.18, 2.73]}), or only its value. */
    record Speedup(String doc, String text, String run, String strategy, int workers, long size, String expected)
            implements Figure {
    }

    private static Score score(String doc, String text, String run, String benchmark, String params,
                               String expected) {
        Map<String, String> map = new HashMap<>();
        for (String pair : params.isEmpty() ? new String[0] : params.split(" ")) {
            String[] kv = pair.split("=", 2);
            map.put(kv[0], kv[1]);
        }
        return new Score(doc, text, run, benchmark, map, expected);
    }

    static List<Figure> figures() {
        return List.of(
                // README.md: the note's table, measured (JDK 17)
                score(README, "takes **1.65 ms** when every chunk is copied through a pipe", JDK17, SUM,
                        "strategy=process-pipe size=100000 workers=4", "1.65 ms"),
                score(README, "**207 µs** when the array is mapped once", JDK17, SUM,
                        "strategy=process-shared size=100000 workers=2", "207 µs"),
                score(README, "`thread-pool` sums 100 000 elements in **33.1 µs**", JDK17, SUM,
                        "strategy=thread-pool size=100000 workers=1", "33.1 µs"),
                score(README, "`sequential` in **31.9 µs**", JDK17, SUM,
                        "strategy=sequential size=100000 workers=1", "31.9 µs"),
                score(README, "**112 µs** through pipes", JDK17, DISPATCH, "strategy=process-pipe", "112 µs"),
                score(README, "**133 µs** with shared memory", JDK17, DISPATCH, "strategy=process-shared", "133 µs"),
                score(README, "**6.79 µs** `fork-join`", JDK17, DISPATCH, "strategy=fork-join", "6.79 µs"),
                score(README, "**5.49 µs** `parallel-stream`", JDK17, DISPATCH, "strategy=parallel-stream",
                        "5.49 µs"),
                score(README, "**34.1 µs** `thread-pool`", JDK17, DISPATCH, "strategy=thread-pool", "34.1 µs"),
                score(README, "a bare JVM starts and exits in **95.9 ms**", JDK17, BARE_JVM, "", "95.9 ms"),
                score(README, "costs **84.5 ms** with 1 worker", JDK17, SPAWN, "workers=1", "84.5 ms"),
                score(README, "and **124 ms** with 2", JDK17, SPAWN, "workers=2", "124 ms"),
                new Speedup(README, "`process-shared` is **1.69×**", JDK17, "process-shared", 2,
                        10_000_000, "1.69×"),
                new Speedup(README, "`process-spawn` **0.0376×**", JDK17, "process-spawn", 2, 10_000_000, "0.0376×"),
                new Speedup(README, "`fork-join` is **1.82×**", JDK17, "fork-join", 2, 10_000_000,
                        "1.82×"),
                // docs/findings.md
                score(FINDINGS, "**6.79 µs** fork-join,", JDK17, DISPATCH, "strategy=fork-join", "6.79 µs"),
                score(FINDINGS, "**5.49 µs** parallel-stream,", JDK17, DISPATCH, "strategy=parallel-stream",
                        "5.49 µs"),
                score(FINDINGS, "**34.1 µs** thread-pool", JDK17, DISPATCH, "strategy=thread-pool", "34.1 µs"),
                score(FINDINGS, "a round trip of two halves to two workers: **112 µs** pipe", JDK17, DISPATCH,
                        "strategy=process-pipe", "112 µs"),
                score(FINDINGS, "a bare JVM starts and exits in **95.9 ms**", JDK17, BARE_JVM, "", "95.9 ms"),
                score(FINDINGS, "costs **84.5 ms** with 1 worker", JDK17, SPAWN, "workers=1", "84.5 ms"),
                score(FINDINGS, "JDK 25, whose JVM starts in 54.2 ms", JDK25, BARE_JVM, "", "54.2 ms"),
                score(FINDINGS, "54.2 ms, 121 and 160 ms", JDK25, SPAWN, "workers=1", "121 ms"),
                score(FINDINGS, "54.2 ms, 121 and 160 ms", JDK25, SPAWN, "workers=2", "160 ms"),
                score(FINDINGS, "(JDK 25: 1.84, 2.81, 45.1 µs;", JDK25, DISPATCH, "strategy=fork-join", "1.84 µs"),
                score(FINDINGS, "(JDK 25: 1.84, 2.81, 45.1 µs;", JDK25, DISPATCH, "strategy=parallel-stream",
                        "2.81 µs"),
                score(FINDINGS, "(JDK 25: 1.84, 2.81, 45.1 µs;", JDK25, DISPATCH, "strategy=thread-pool", "45.1 µs"),
                score(FINDINGS, "virtual-threads 6.41 µs)", JDK25, DISPATCH, "strategy=virtual-threads", "6.41 µs"),
                score(FINDINGS, "(JDK 25: 227 and 185 µs)", JDK25, DISPATCH, "strategy=process-pipe", "227 µs"),
                score(FINDINGS, "(JDK 25: 227 and 185 µs)", JDK25, DISPATCH, "strategy=process-shared", "185 µs"),
                new Speedup(FINDINGS, "parallel-stream 1.76×, thread-pool 1.65×", JDK17, "parallel-stream", 2,
                        10_000_000, "1.76×"),
                new Speedup(FINDINGS, "parallel-stream 1.76×, thread-pool 1.65×", JDK17, "thread-pool", 2,
                        10_000_000, "1.65×"),
                new Speedup(FINDINGS, "(JDK 25: parallel-stream 1.89×;", JDK25, "parallel-stream", 2,
                        10_000_000, "1.89×"),
                new Speedup(FINDINGS, "**1.69×** (JDK 25: 1.73×)", JDK25, "process-shared", 2, 10_000_000,
                        "1.73×"),
                new Speedup(FINDINGS, "`process-pipe` 0.0705× and `process-spawn` 0.0376×", JDK17, "process-pipe", 4,
                        10_000_000, "0.0705×"),
                new Speedup(FINDINGS, "fork-join is **1.82×** `sequential`", JDK17, "fork-join", 2,
                        10_000_000, "1.82×"),
                new Speedup(FINDINGS, "`process-shared` **1.69×** (JDK 25", JDK17, "process-shared", 2,
                        10_000_000, "1.69×"),
                score(FINDINGS, "`sequential`: 332 ns for 1 000 elements", JDK17, SUM,
                        "strategy=sequential size=1000 workers=1", "332 ns"),
                score(FINDINGS, "31.9 µs for 100 000", JDK17, SUM, "strategy=sequential size=100000 workers=1",
                        "31.9 µs"),
                score(FINDINGS, "takes 21.9 ms at 10 000 000 elements", JDK17, BOXED,
                        "strategy=sequential size=10000000", "21.9 ms"),
                score(FINDINGS, "6.40 ms for the `long[]`", JDK17, ARRAY, "strategy=sequential size=10000000",
                        "6.40 ms"),
                score(FINDINGS, "72.3 µs against 33.6 µs at 100 000", JDK17, BOXED,
                        "strategy=sequential size=100000", "72.3 µs"),
                score(FINDINGS, "72.3 µs against 33.6 µs at 100 000", JDK17, ARRAY,
                        "strategy=sequential size=100000", "33.6 µs"),
                score(FINDINGS, "costs 25.6 µs against 320 ns sequential", JDK17, ARRAY,
                        "strategy=parallel-stream size=1000", "25.6 µs"),
                score(FINDINGS, "costs 25.6 µs against 320 ns sequential", JDK17, ARRAY,
                        "strategy=sequential size=1000", "320 ns"),
                score(FINDINGS, "`sequential` at 10 000 000: 6.81 → 6.22 ms", JDK17, SUM,
                        "strategy=sequential size=10000000 workers=2", "6.81"),
                score(FINDINGS, "`sequential` at 10 000 000: 6.81 → 6.22 ms", JDK17_AGAIN, SUM,
                        "strategy=sequential size=10000000 workers=2", "6.22 ms"),
                score(FINDINGS, "the thread-pool hand-off 34.1 → 16.3 µs", JDK17, DISPATCH, "strategy=thread-pool",
                        "34.1"),
                score(FINDINGS, "the thread-pool hand-off 34.1 → 16.3 µs", JDK17_AGAIN, DISPATCH,
                        "strategy=thread-pool", "16.3 µs"),
                score(FINDINGS, "the pipe round trip 112 → 65.6 µs", JDK17_AGAIN, DISPATCH,
                        "strategy=process-pipe", "65.6 µs"));
    }

    private final Map<String, Run> runs = new HashMap<>();

    @TestFactory
    Stream<DynamicTest> everyQuotedFigureIsTheRunsOwn() {
        return figures().stream().map(figure -> DynamicTest.dynamicTest(
                figure.doc() + ": " + figure.expected() + " (" + figure.run() + ")", () -> check(figure)));
    }

    private void check(Figure figure) throws IOException {
        String page = Files.readString(Path.of(figure.doc()));
        assertTrue(page.replaceAll("\\s+", " ").contains(figure.text()),
                figure.doc() + " no longer says: " + figure.text());
        assertTrue(figure.text().contains(figure.expected().replaceAll(" ms$| µs$| ns$", "")),
                "the text must hold the figure: " + figure);
        String actual;
        if (figure instanceof Score score) {
            Result row = row(score);
            actual = Durations.format(row.primary().scoreUnit().toNanosPerOp(row.primary().score()));
        } else {
            actual = Formats.ratio(speedup((Speedup) figure));
        }
        assertTrue(actual.startsWith(figure.expected()),
                figure.run() + " holds " + actual + ", the docs quote " + figure.expected() + ": " + figure.text());
    }

    private Run run(String stem) {
        return runs.computeIfAbsent(stem, s -> RunReader.read(REFERENCE.resolve(s + ".json")));
    }

    private Result row(Score score) {
        List<Result> rows = run(score.run()).results().stream()
                .filter(r -> r.shortName().equals(score.benchmark()))
                .filter(r -> score.params().entrySet().stream().allMatch(e -> e.getValue().equals(r.param(e.getKey()))))
                .toList();
        assertEquals(1, rows.size(), "rows of " + score.benchmark() + " " + score.params() + " in " + score.run());
        return rows.get(0);
    }

    private Ratio speedup(Speedup speedup) {
        SumAnalysis analysis = new SumAnalysis(SumMatrix.of(List.of(run(speedup.run()))));
        return analysis.speedups().stream()
                .filter(r -> r.strategy().equals(speedup.strategy()) && r.workers() == speedup.workers())
                .map(r -> r.bySize().get(speedup.size()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no speedup row for " + speedup));
    }
}
