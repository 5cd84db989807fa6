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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The figures that README.md, docs/findings.md and docs/suite.md quote from the committed reference runs, each read again from the
 * run's JSON with {@link RunReader}: a figure in the docs is the number the run holds, rounded as the tables round it.
 * A figure that only a committed table or report holds (table 4b's crossover, table 7's memory, a verdict of
 * {@code compare}, a {@code defaults-check} probe) is checked as text of that file ({@link Quoted}).
 *
 * <p>Each entry names the page, a piece of its text that holds the figure (so the figure cannot move away from what
 * it describes), the run, and the row: a score ({@link Durations#format}) or a speedup over {@code sequential} as
 * table 2 computes it ({@link Formats#ratio}). A figure added to the docs belongs here.
 */
class DocsFiguresTest {

    private static final Path REFERENCE = Path.of("results", "reference", "epyc-2vcpu");
    /** The default run of 2026-12-01 (5 forks, JDK 17). */
    private static final String RUN = "20261201-182834_vm_jdk17";
    /** scripts/seed-python on the same machine. */
    private static final String PYTHON = "20261201-184751_vm_python3.11";
    /** The 1-fork JDK 17 run of 2026-11-26. */
    private static final String OLD_JDK17 = "20261126-090804_vm_jdk17";
    private static final String RUN_MD = RUN + ".md";
    private static final String WITH_PYTHON_MD = RUN + "+python3.11.md";
    /** The crossover run on the grid 4 096, 1 048 576, 8 388 608 (table 4b). */
    private static final String CROSS_MD = "20261201-185856_vm_jdk17.md";
    private static final String IDLE_HALVES = "20261201-184631_defaults-check-idle-halves.md";
    private static final String RERUN = "20261201-184900_defaults-check-adaptive-rerun.md";
    private static final String DEFAULT_EVENING = "20261201-213817_defaults-check-learned.md";
    private static final String PSHARED_EARLIER = "20261201-231837_defaults-check-process-shared.md";
    private static final String RULES = "20261201-233212_defaults-check-rules.md";
    private static final String PROCESSES_FIRST = "20261201-233751_defaults-check-processes-rules.md";
    private static final String PROCESSES = "20261202-000127_defaults-check-processes-rules.md";
    private static final String RULES_DEC2_EARLIER = "20261202-015810_defaults-check-rules.md";
    private static final String RULES_DEC2 = "20261202-022741_defaults-check-rules.md";
    private static final String RULES_10M = "20261202-023202_defaults-check-rules-10m.md";
    private static final String RULES_1000 = "20261202-023821_defaults-check-rules-10m-repeat1000.md";
    private static final String PROCESSES_DEC2 = "20261202-023500_defaults-check-processes-rules.md";
    private static final String RULES_RANDOM = "20261202-042523_defaults-check-rules.md";
    private static final String RULES_RANDOM_BUSY = "20261202-033400_defaults-check-rules.md";
    private static final String RULES_10M_RANDOM = "20261202-041951_defaults-check-rules-10m.md";
    private static final String RULES_10M_BEFORE = "20261202-031700_defaults-check-rules-10m.md";
    private static final String RULES_10M_40 = "20261202-040300_defaults-check-rules-10m.md";
    private static final String TRACE_10M = "20261202-043300_trace-10m.md";
    /** The second machine's files, beside the reference machine's directory. */
    private static final String XEON = "../xeon-2vcpu/";
    private static final String XEON_RULES = XEON + "20261202-074800_defaults-check-rules.md";
    private static final String XEON_10M = XEON + "20261202-075800_defaults-check-rules-10m.md";
    private static final String XEON_TRACE_10M = XEON + "20261202-090200_trace-10m.md";
    private static final String XEON_TRACE_524288 = XEON + "20261202-090300_trace-524288.md";
    private static final String XEON_AB = XEON + "20261202-085236_vm_jdk17_B.compare.txt";
    private static final String XEON_MEASURED = XEON + "20261205-022334_defaults-check-measured-rule.md";
    private static final String XEON_SPREAD = XEON + "20261205-021300_sum-verbose-5-jvms.md";
    private static final String XEON_DECISIONS = XEON + "20261205-045200_decisions-before-after.md";
    private static final String XEON_LARGE = XEON + "20261205-064557_defaults-check-one-jvm-large.md";
    private static final String XEON_PSHARED_SPLIT = XEON + "20261205-065330_defaults-check-process-shared-split.md";
    private static final String XEON_SPREAD_SPEED = XEON + "20261205-045210_defaults-check-hand-off-spread.md";
    private static final String XEON_ONE_JVM = XEON + "20261205-051556_defaults-check-one-jvm.md";
    private static final String XEON_DEFAULT_RUN = XEON + "20261205-043402_vm_jdk17.md";
    private static final String STRATEGIES = "docs/strategies.md";
    private static final String FINE_SWEEP_MD = "20261201-205437_vm_jdk17.md";
    private static final String JDK_PAIR = "20261201-184140_vm_jdk25_B.compare.txt";
    private static final String AA_PAIR = "20261201-183800_vm_jdk17_B.compare.txt";
    private static final String README = "README.md";
    private static final String FINDINGS = "docs/findings.md";
    private static final String SUITE = "docs/suite.md";
    private static final String TABLES = "docs/tables.md";

    private static final String SUM = "SumBenchmark.sum";
    private static final String DISPATCH = "DispatchBenchmark.handOff";
    private static final String AFTER_IDLE = "DispatchBenchmark.afterIdle";
    private static final String BARE_JVM = "SpawnBenchmark.bareJvm";
    private static final String SPAWN = "SpawnBenchmark.spawnSum";
    private static final String ARRAY = "LayoutBenchmark.array";
    private static final String BOXED = "LayoutBenchmark.boxed";
    private static final String READ = "BandwidthBenchmark.read";
    private static final String CHUNKS = "ChunkSizeBenchmark.sum";
    private static final String PY_EXERCISE = "SeedPython.exercise";
    private static final String PY_SUM = "SeedPython.sum";

    /** A quoted figure: where the docs quote it, and where the committed file holds it. */
    sealed interface Figure permits Score, Speedup, Quoted {
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

    /**
     * A figure that no run's JSON gives directly (a table's derived cell, a verdict of {@code compare}, a probe of
     * {@code defaults-check}): the committed file {@code run} (a name in the reference directory) must hold
     * {@code source}, the figure as that file prints it.
     */
    record Quoted(String doc, String text, String run, String source, String expected) implements Figure {
    }

    /**
     * A row of a defaults-check table as the docs print it, {@code | size | rule | ratio | ratio | ... |}, built from
     * the file's own row {@code fileRow} (its ratios, in order): the docs must say what the file says, cell by cell.
     */
    private static Quoted ratiosRow(String size, String rule, String run, String fileRow) {
        java.util.regex.Matcher ratio = java.util.regex.Pattern.compile("\\(([0-9.e+-]+x)\\)").matcher(fileRow);
        StringBuilder text = new StringBuilder("| ").append(size).append(" | ").append(rule).append(" |");
        String first = null;
        while (ratio.find()) {
            text.append(' ').append(ratio.group(1)).append(" |");
            first = first == null ? ratio.group(1) : first;
        }
        return new Quoted(FINDINGS, text.toString(), run, fileRow, first);
    }

    /** A cell of README's answer table: the crossover run's table 4b row of {@code strategy}, halves, {@code pattern}. */
    private static Quoted halvesRow(String strategy, String pattern, String cell) {
        String estimate = cell.substring(0, cell.indexOf(" ["));
        String interval = cell.substring(cell.indexOf('['));
        return new Quoted(README, "| " + cell + " |", CROSS_MD, "| " + strategy + " | halves | " + pattern + " | 2 | "
                + estimate + " | " + interval + " |", estimate.substring(2));
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

    /** The figures both pages quote from the default run's JSON. */
    private static List<Figure> noteTable(String doc) {
        return List.of(
                score(doc, "a bare JVM starts and exits in **29.0 ms**", RUN, BARE_JVM, "", "29.0 ms"),
                score(doc, "costs **29.2 ms** with 1 worker", RUN, SPAWN, "workers=1", "29.2 ms"),
                score(doc, "and **39.1 ms** with 2", RUN, SPAWN, "workers=2", "39.1 ms"),
                score(doc, "**45.2 µs** through pipes", RUN, DISPATCH, "strategy=process-pipe", "45.2 µs"),
                score(doc, "**51.3 µs** with shared memory", RUN, DISPATCH, "strategy=process-shared", "51.3 µs"),
                new Speedup(doc, "is **1.78× [1.66, 1.90]**", RUN, "thread-pool", 2, 10_000_000, "1.78× [1.66, 1.90]"),
                new Speedup(doc, "0.0341×", RUN, "process-pipe", 2, 10_000_000, "0.0341×"),
                new Speedup(doc, "0.0278×", RUN, "process-spawn", 2, 10_000_000, "0.0278×"),
                new Speedup(doc, "1.59× [1.53, 1.66]", RUN, "process-shared", 2, 10_000_000, "1.59× [1.53, 1.66]"),
                new Quoted(doc, "**0.377 MiB RSS**", RUN_MD, "thread-pool 0.377 MiB RSS", "0.377"),
                new Quoted(doc, "**39.2 MiB RSS** (PSS 21.7 MiB", RUN_MD, "process-shared 39.2 MiB RSS (PSS 21.7 MiB",
                        "39.2"),
                new Quoted(doc, "0.291×", WITH_PYTHON_MD, "CPython threads-python 0.291×", "0.291×"),
                new Quoted(doc, "0.0915×", WITH_PYTHON_MD, "CPython processes-python 0.0915×", "0.0915×"));
    }

    static List<Figure> figures() {
        List<Figure> figures = new ArrayList<>();
        figures.addAll(noteTable(README));
        figures.addAll(noteTable(FINDINGS));
        figures.addAll(List.of(
                // README.md
                score(README, "**13.5 µs** `thread-pool`", RUN, DISPATCH, "strategy=thread-pool", "13.5 µs"),
                score(README, "**12.0 µs** `fork-join`", RUN, DISPATCH, "strategy=fork-join", "12.0 µs"),
                score(README, "**9.71 µs** `parallel-stream`", RUN, DISPATCH, "strategy=parallel-stream", "9.71 µs"),
                score(README, "(after 1 ms idle 22.9, 45.3, 45.4 µs)", RUN, AFTER_IDLE, "strategy=thread-pool",
                        "22.9"),
                score(README, "(after 1 ms idle 22.9, 45.3, 45.4 µs)", RUN, AFTER_IDLE, "strategy=fork-join", "45.3"),
                score(README, "(after 1 ms idle 22.9, 45.3, 45.4 µs)", RUN, AFTER_IDLE, "strategy=parallel-stream",
                        "45.4 µs"),
                score(README, "after 1 ms idle 94.4 and 76.3 µs", RUN, AFTER_IDLE, "strategy=process-pipe", "94.4"),
                score(README, "after 1 ms idle 94.4 and 76.3 µs", RUN, AFTER_IDLE, "strategy=process-shared",
                        "76.3 µs"),
                // docs/findings.md: process-spawn on JDK 25 before and after the archive per JDK
                new Quoted(FINDINGS, "| `spawnSum`, 1 worker | +145.1 % | +20.8 % [+16.2 %, +25.5 %] |",
                        XEON + "spawn-archive-before/20261205-025657_vm_jdk25_B.compare.txt",
                        "cores=2 workers=1  37.2 ms/op  ±4.6%  91.1 ms/op  ±3.1%  +145.1% slower", "+145.1"),
                new Quoted(FINDINGS, "| `spawnSum`, 1 worker | +145.1 % | +20.8 % [+16.2 %, +25.5 %] |",
                        XEON + "20261205-025603_vm_jdk25_B.compare.txt", "+20.8% [+16.2%, +25.5%]", "+20.8"),
                new Quoted(FINDINGS, "| `spawnSum`, 2 workers | +152.3 % | +31.3 % [+22.2 %, +41.0 %] |",
                        XEON + "spawn-archive-before/20261205-025657_vm_jdk25_B.compare.txt", "+152.3% slower",
                        "+152.3"),
                new Quoted(FINDINGS, "| `spawnSum`, 2 workers | +152.3 % | +31.3 % [+22.2 %, +41.0 %] |",
                        XEON + "20261205-025603_vm_jdk25_B.compare.txt", "+31.3% [+22.2%, +41.0%]", "+31.3"),
                new Quoted(FINDINGS, "| +14.3 % | +14.4 % [+12.1 %, +16.7 %] |",
                        XEON + "20261205-025603_vm_jdk25_B.compare.txt", "+14.4% [+12.1%, +16.7%]", "+14.4"),
                new Quoted(FINDINGS, "| +14.3 % | +14.4 % [+12.1 %, +16.7 %] |",
                        XEON + "spawn-archive-before/20261205-025657_vm_jdk25_B.compare.txt", "+14.3% slower",
                        "+14.3"),
                // docs/findings.md: the sequential A/B runs
                new Quoted(FINDINGS, "`sequential` +103.2 % [+29.9 %, +217.9 %] after 9 forks a side",
                        XEON + "slowdown-sequential/20261205-033217_vm_jdk17_B.compare.txt",
                        "+103.2% [+29.9%, +217.9%] 9+9 forks slower", "+103.2"),
                new Quoted(FINDINGS, "from 146 (`process-pipe`) to 15 170 (`jdk-parallel-stream`) forks a side",
                        XEON + "aa-sequential/20261205-032022_vm_jdk17_B.compare-every-row.txt",
                        "strategy=process-pipe workers=2 (needs ~146 forks a side as it stands)", "146"),
                new Quoted(FINDINGS, "from 146 (`process-pipe`) to 15 170 (`jdk-parallel-stream`) forks a side",
                        XEON + "aa-sequential/20261205-032022_vm_jdk17_B.compare-every-row.txt",
                        "strategy=jdk-parallel-stream workers=2 (needs ~15170 forks a side as it stands)", "15 170"),
                // docs/tables.md: why one worker beats sequential
                new Quoted(TABLES, "**1.04× [1.01, 1.06]**", XEON + "20261205-022230_one-worker-inlined.md",
                        "| thread-pool | 1 | 1.04× [1.01, 1.06] |", "1.04×"),
                new Quoted(TABLES, "(27.5 µs against 26.6 µs;", XEON + "20261205-022230_one-worker-inlined.md",
                        "| 100,000 | 27.5 µs ±2.4% | 26.6 µs ±1.7% (1w) |", "27.5 µs"),
                new Quoted(TABLES, "**0.988× [0.970, 1.01]**", XEON + "20261205-022230_one-worker-dontinline.md",
                        "| thread-pool | 1 | 0.988× [0.970, 1.01] |", "0.988×"),
                new Quoted(TABLES, "itself took 25.1 µs", XEON + "20261205-022230_one-worker-dontinline.md",
                        "| 100,000 | 25.1 µs ±1.4% |", "25.1 µs"),
                new Quoted(TABLES, "(1.03× to 1.07× in the reference run)", RUN_MD,
                        "| thread-pool | 1 | 0.878× [0.827, 0.934] | 1.03× [1.02, 1.05] | 1.07× [1.05, 1.08] |", "1.07×"),
                // README.md: the answer table, each figure as its run's document prints it
                halvesRow("thread-pool", "hot", "≈ 414,452 [222,099, 664,009]"),
                halvesRow("thread-pool", "after 1ms idle", "≈ 1,825,924 [1,671,481, 2,015,484]"),
                halvesRow("fork-join", "hot", "≈ 948,516 [713,875, 1,037,955]"),
                halvesRow("fork-join", "after 1ms idle", "≈ 2,334,212 [1,945,897, 2,888,730]"),
                halvesRow("parallel-stream", "hot", "≈ 1,196,727 [1,031,899, 1,405,998]"),
                halvesRow("parallel-stream", "after 1ms idle", "≈ 2,767,589 [2,283,314, 3,285,538]"),
                halvesRow("process-shared", "hot", "≈ 1,327,787 [849,641, 1,842,321]"),
                halvesRow("process-shared", "after 1ms idle", "≈ 2,286,356 [1,639,266, 3,272,856]"),
                new Speedup(README, "| 1.78× [1.66, 1.90] | 0.377 MiB RSS (a thread) |", RUN, "thread-pool", 2,
                        10_000_000, "1.78× [1.66, 1.90]"),
                new Speedup(README, "| 1.59× [1.53, 1.65] | a thread", RUN, "fork-join", 2, 10_000_000,
                        "1.59× [1.53, 1.65]"),
                new Speedup(README, "| 1.76× [1.69, 1.84] | a thread", RUN, "parallel-stream", 2, 10_000_000,
                        "1.76× [1.69, 1.84]"),
                new Speedup(README, "| 1.59× [1.53, 1.66] | 39.2 MiB RSS", RUN, "process-shared", 2, 10_000_000,
                        "1.59× [1.53, 1.66]"),
                new Speedup(README, "| 0.0341× [0.0219, 0.0616] | a child JVM |", RUN, "process-pipe", 2, 10_000_000,
                        "0.0341× [0.0219, 0.0616]"),
                new Speedup(README, "| 0.0278× [0.0263, 0.0294] | child JVMs", RUN, "process-spawn", 2, 10_000_000,
                        "0.0278× [0.0263, 0.0294]"),
                new Quoted(README, "| 0.377 MiB RSS (a thread) |", RUN_MD, "thread-pool 0.377 MiB RSS", "0.377"),
                new Quoted(README, "| 39.2 MiB RSS (PSS 21.7 MiB): a child JVM |", RUN_MD,
                        "process-shared 39.2 MiB RSS (PSS 21.7 MiB", "39.2"),
                // docs/findings.md: the note's table
                score(FINDINGS, "**13.5 µs** thread-pool", RUN, DISPATCH, "strategy=thread-pool", "13.5 µs"),
                score(FINDINGS, "**12.0 µs** fork-join", RUN, DISPATCH, "strategy=fork-join", "12.0 µs"),
                score(FINDINGS, "**9.71 µs** parallel-stream", RUN, DISPATCH, "strategy=parallel-stream", "9.71 µs"),
                score(FINDINGS, "**22.9 µs** thread-pool", RUN, AFTER_IDLE, "strategy=thread-pool", "22.9 µs"),
                score(FINDINGS, "**45.3 µs** fork-join", RUN, AFTER_IDLE, "strategy=fork-join", "45.3 µs"),
                score(FINDINGS, "**45.4 µs** parallel-stream", RUN, AFTER_IDLE, "strategy=parallel-stream", "45.4 µs"),
                score(FINDINGS, "idle time: **398 ns**", RUN, AFTER_IDLE, "strategy=sequential", "398 ns"),
                score(FINDINGS, "**94.4 µs** pipes", RUN, AFTER_IDLE, "strategy=process-pipe", "94.4 µs"),
                score(FINDINGS, "**76.3 µs** shared memory", RUN, AFTER_IDLE, "strategy=process-shared", "76.3 µs"),
                new Speedup(FINDINGS, "parallel-stream 1.76× [1.69, 1.84]", RUN, "parallel-stream", 2, 10_000_000,
                        "1.76× [1.69, 1.84]"),
                new Speedup(FINDINGS, "fork-join 1.59× [1.53, 1.65]", RUN, "fork-join", 2, 10_000_000,
                        "1.59× [1.53, 1.65]"),
                new Quoted(FINDINGS, "a cold pool costs 93.6 µs more than a warm one for threads and 4.92 ms more",
                        WITH_PYTHON_MD, "CPython threads-python pool 93.6 µs (cold − warm", "93.6"),
                new Quoted(FINDINGS, "a cold pool costs 93.6 µs more than a warm one for threads and 4.92 ms more",
                        WITH_PYTHON_MD, "CPython processes-python pool 4.92 ms (cold − warm", "4.92"),
                score(FINDINGS, "threads **146 µs**", PYTHON, PY_EXERCISE, "variant=threads", "146 µs"),
                score(FINDINGS, "processes **5.24 ms**", PYTHON, PY_EXERCISE, "variant=processes", "5.24 ms"),
                score(FINDINGS, "threads **51.8 µs**", PYTHON, PY_SUM, "variant=threads-python size=10", "51.8 µs"),
                score(FINDINGS, "processes **187 µs**", PYTHON, PY_SUM, "variant=processes-python size=10", "187 µs"),
                score(FINDINGS, "takes 30.3 ms sequential, 104 ms in two threads and 331 ms", PYTHON, PY_SUM,
                        "variant=sequential-python size=10000000", "30.3 ms"),
                score(FINDINGS, "takes 30.3 ms sequential, 104 ms in two threads and 331 ms", PYTHON, PY_SUM,
                        "variant=threads-python size=10000000", "104 ms"),
                score(FINDINGS, "takes 30.3 ms sequential, 104 ms in two threads and 331 ms", PYTHON, PY_SUM,
                        "variant=processes-python size=10000000", "331 ms"),
                score(FINDINGS, "loop takes 2.79 ms", RUN, SUM, "strategy=sequential size=10000000", "2.79 ms"),
                // docs/findings.md: when does parallel pay?
                new Quoted(FINDINGS, "| thread-pool | **≈ 65 871 [≤ 4 096, 84 541]** | ≈ 414 452 [222 099, 664 009] | ≈ 1 930 191 [1 686 162, 2 221 052] | ≈ 1 825 924 [1 671 481, 2 015 484] |", CROSS_MD,
                        "| thread-pool | default | hot | 2 | ≈ 65,871 | [≤ 4,096, 84,541] |", "65 871"),
                new Quoted(FINDINGS, "| thread-pool | **≈ 65 871 [≤ 4 096, 84 541]** | ≈ 414 452 [222 099, 664 009] | ≈ 1 930 191 [1 686 162, 2 221 052] | ≈ 1 825 924 [1 671 481, 2 015 484] |", CROSS_MD,
                        "| thread-pool | halves | hot | 2 | ≈ 414,452 | [222,099, 664,009] |", "414 452"),
                new Quoted(FINDINGS, "| thread-pool | **≈ 65 871 [≤ 4 096, 84 541]** | ≈ 414 452 [222 099, 664 009] | ≈ 1 930 191 [1 686 162, 2 221 052] | ≈ 1 825 924 [1 671 481, 2 015 484] |", CROSS_MD,
                        "| thread-pool | default | after 1ms idle | 2 | ≈ 1,930,191 | [1,686,162, 2,221,052] |", "1 930 191"),
                new Quoted(FINDINGS, "| thread-pool | **≈ 65 871 [≤ 4 096, 84 541]** | ≈ 414 452 [222 099, 664 009] | ≈ 1 930 191 [1 686 162, 2 221 052] | ≈ 1 825 924 [1 671 481, 2 015 484] |", CROSS_MD,
                        "| thread-pool | halves | after 1ms idle | 2 | ≈ 1,825,924 | [1,671,481, 2,015,484] |", "1 825 924"),
                new Quoted(FINDINGS, "| fork-join | ≈ 1 889 554 [4 424, 2 993 422] | **≈ 948 516 [713 875, 1 037 955]** | ≈ 2 378 605 [2 003 630, 2 898 117] | ≈ 2 334 212 [1 945 897, 2 888 730] |", CROSS_MD,
                        "| fork-join | default | hot | 2 | ≈ 1,889,554 | [4,424, 2,993,422] |", "1 889 554"),
                new Quoted(FINDINGS, "| fork-join | ≈ 1 889 554 [4 424, 2 993 422] | **≈ 948 516 [713 875, 1 037 955]** | ≈ 2 378 605 [2 003 630, 2 898 117] | ≈ 2 334 212 [1 945 897, 2 888 730] |", CROSS_MD,
                        "| fork-join | halves | hot | 2 | ≈ 948,516 | [713,875, 1,037,955] |", "948 516"),
                new Quoted(FINDINGS, "| fork-join | ≈ 1 889 554 [4 424, 2 993 422] | **≈ 948 516 [713 875, 1 037 955]** | ≈ 2 378 605 [2 003 630, 2 898 117] | ≈ 2 334 212 [1 945 897, 2 888 730] |", CROSS_MD,
                        "| fork-join | default | after 1ms idle | 2 | ≈ 2,378,605 | [2,003,630, 2,898,117] |", "2 378 605"),
                new Quoted(FINDINGS, "| fork-join | ≈ 1 889 554 [4 424, 2 993 422] | **≈ 948 516 [713 875, 1 037 955]** | ≈ 2 378 605 [2 003 630, 2 898 117] | ≈ 2 334 212 [1 945 897, 2 888 730] |", CROSS_MD,
                        "| fork-join | halves | after 1ms idle | 2 | ≈ 2,334,212 | [1,945,897, 2,888,730] |", "2 334 212"),
                new Quoted(FINDINGS, "| parallel-stream | ≈ 1 246 472 [1 108 878, 1 538 581] | **≈ 1 196 727 [1 031 899, 1 405 998]** | ≈ 1 789 393 [1 199 115, 2 615 288] | ≈ 2 767 589 [2 283 314, 3 285 538] |", CROSS_MD,
                        "| parallel-stream | default | hot | 2 | ≈ 1,246,472 | [1,108,878, 1,538,581] |", "1 246 472"),
                new Quoted(FINDINGS, "| parallel-stream | ≈ 1 246 472 [1 108 878, 1 538 581] | **≈ 1 196 727 [1 031 899, 1 405 998]** | ≈ 1 789 393 [1 199 115, 2 615 288] | ≈ 2 767 589 [2 283 314, 3 285 538] |", CROSS_MD,
                        "| parallel-stream | halves | hot | 2 | ≈ 1,196,727 | [1,031,899, 1,405,998] |", "1 196 727"),
                new Quoted(FINDINGS, "| parallel-stream | ≈ 1 246 472 [1 108 878, 1 538 581] | **≈ 1 196 727 [1 031 899, 1 405 998]** | ≈ 1 789 393 [1 199 115, 2 615 288] | ≈ 2 767 589 [2 283 314, 3 285 538] |", CROSS_MD,
                        "| parallel-stream | default | after 1ms idle | 2 | ≈ 1,789,393 | [1,199,115, 2,615,288] |", "1 789 393"),
                new Quoted(FINDINGS, "| parallel-stream | ≈ 1 246 472 [1 108 878, 1 538 581] | **≈ 1 196 727 [1 031 899, 1 405 998]** | ≈ 1 789 393 [1 199 115, 2 615 288] | ≈ 2 767 589 [2 283 314, 3 285 538] |", CROSS_MD,
                        "| parallel-stream | halves | after 1ms idle | 2 | ≈ 2,767,589 | [2,283,314, 3,285,538] |", "2 767 589"),
                new Quoted(FINDINGS, "| process-shared | ≈ 1 567 874 [≤ 4 096, 2 629 995] | **≈ 1 327 787 [849 641, 1 842 321]** | ≈ 1 257 236 [1 070 107, 1 580 362] | ≈ 2 286 356 [1 639 266, 3 272 856] |", CROSS_MD,
                        "| process-shared | default | hot | 2 | ≈ 1,567,874 | [≤ 4,096, 2,629,995] |", "1 567 874"),
                new Quoted(FINDINGS, "| process-shared | ≈ 1 567 874 [≤ 4 096, 2 629 995] | **≈ 1 327 787 [849 641, 1 842 321]** | ≈ 1 257 236 [1 070 107, 1 580 362] | ≈ 2 286 356 [1 639 266, 3 272 856] |", CROSS_MD,
                        "| process-shared | halves | hot | 2 | ≈ 1,327,787 | [849,641, 1,842,321] |", "1 327 787"),
                new Quoted(FINDINGS, "| process-shared | ≈ 1 567 874 [≤ 4 096, 2 629 995] | **≈ 1 327 787 [849 641, 1 842 321]** | ≈ 1 257 236 [1 070 107, 1 580 362] | ≈ 2 286 356 [1 639 266, 3 272 856] |", CROSS_MD,
                        "| process-shared | default | after 1ms idle | 2 | ≈ 1,257,236 | [1,070,107, 1,580,362] |", "1 257 236"),
                new Quoted(FINDINGS, "| process-shared | ≈ 1 567 874 [≤ 4 096, 2 629 995] | **≈ 1 327 787 [849 641, 1 842 321]** | ≈ 1 257 236 [1 070 107, 1 580 362] | ≈ 2 286 356 [1 639 266, 3 272 856] |", CROSS_MD,
                        "| process-shared | halves | after 1ms idle | 2 | ≈ 2,286,356 | [1,639,266, 3,272,856] |", "2 286 356"),
                new Speedup(FINDINGS, "thread-pool 0.884×", RUN, "thread-pool", 2, 1_000, "0.884×"),
                new Speedup(FINDINGS, "parallel-stream 0.694×", RUN, "parallel-stream", 2, 1_000, "0.694×"),
                score(FINDINGS, "on a 226 ns sum", RUN, SUM, "strategy=sequential size=1000", "226 ns"),
                score(FINDINGS, "takes 2.40 ms for 10 000 000 longs on one thread and 1.51 ms on two", RUN, READ,
                        "threads=1", "2.40 ms"),
                score(FINDINGS, "takes 2.40 ms for 10 000 000 longs on one thread and 1.51 ms on two", RUN, READ,
                        "threads=2", "1.51 ms"),
                new Quoted(FINDINGS, "(33.4 and 52.9 GB/s, table 6)", RUN_MD, "| 10,000,000 | 2.40 ms ±1.2% | 33.4 |",
                        "33.4"),
                new Quoted(FINDINGS, "(33.4 and 52.9 GB/s, table 6)", RUN_MD, "ceiling 52.9 GB/s", "52.9"),
                score(FINDINGS, "takes 10.5 ms at 10 000 000 elements", RUN, BOXED, "strategy=sequential size=10000000",
                        "10.5 ms"),
                score(FINDINGS, "2.61 ms for the `long[]`", RUN, ARRAY, "strategy=sequential size=10000000", "2.61 ms"),
                score(FINDINGS, "32.8 µs against 22.7 µs at 100 000", RUN, BOXED, "strategy=sequential size=100000",
                        "32.8 µs"),
                score(FINDINGS, "32.8 µs against 22.7 µs at 100 000", RUN, ARRAY, "strategy=sequential size=100000",
                        "22.7 µs"),
                score(FINDINGS, "costs 21.4 µs against 222 ns sequential", RUN, ARRAY,
                        "strategy=parallel-stream size=1000", "21.4 µs"),
                score(FINDINGS, "costs 21.4 µs against 222 ns sequential", RUN, ARRAY, "strategy=sequential size=1000",
                        "222 ns"),
                // docs/findings.md: patterns of use and the default chunking (scripts/defaults-check)
                score(FINDINGS, "thread-pool 13.5 → 22.9 µs", RUN, DISPATCH, "strategy=thread-pool", "13.5"),
                score(FINDINGS, "process-shared 51.3 → 76.3 µs", RUN, AFTER_IDLE, "strategy=process-shared", "76.3 µs"),
                new Quoted(FINDINGS, "back to back thread-pool is 1.65×, fork-join 1.09×, parallel-stream 1.06× and "
                        + "process-shared 1.39×", IDLE_HALVES, "| 1048576 | 0 | 252 µs | 153 µs (1.65x) | 231 µs (1.09x) "
                        + "| 238 µs (1.06x) | 5.16 ms (0.0489x) | 182 µs (1.39x) |", "1.65×"),
                new Quoted(FINDINGS, "after 2 ms idle 0.895×, 0.814×, 0.801× and 1.29×", IDLE_HALVES,
                        "| 1048576 | 2ms | 251 µs | 280 µs (0.895x) | 308 µs (0.814x) | 313 µs (0.801x) | 2.53 ms (0.0991x) "
                        + "| 194 µs (1.29x) |", "0.895×"),
                // docs/findings.md: the rules check with a random order, row by row (each cell is the file's)
                ratiosRow("10", "fixed", RULES_RANDOM,
                        "| 10 | 0 | fixed | 6.94 ns | 30 ns (0.232x) | 40 ns (0.174x) | 30 ns (0.232x) | 52.2 µs (0.000134x) |"),
                ratiosRow("10", "default", RULES_RANDOM,
                        "| 10 | 0 | adaptive | 6.94 ns | 6.76 ns (1.03x) | 6.84 ns (0.982x) | 6.75 ns (1.02x) | 6.82 ns (0.995x) |"),
                ratiosRow("1 000", "fixed", RULES_RANDOM,
                        "| 1000 | 0 | fixed | 245 ns | 280 ns (0.919x) | 290 ns (0.876x) | 280 ns (0.882x) | 43.1 µs (0.00594x) |"),
                ratiosRow("1 000", "default", RULES_RANDOM,
                        "| 1000 | 0 | adaptive | 245 ns | 245 ns (1.01x) | 250 ns (1x) | 246 ns (1.01x) | 247 ns (0.985x) |"),
                ratiosRow("100 000", "fixed", RULES_RANDOM,
                        "| 100000 | 0 | fixed | 24.8 µs | 25 µs (1x) | 25.2 µs (0.996x) | 24.4 µs (1.03x) | 78.7 µs (0.312x) |"),
                ratiosRow("100 000", "default", RULES_RANDOM,
                        "| 100000 | 0 | adaptive | 24.8 µs | 25.2 µs (1x) | 25 µs (1x) | 24.8 µs (1.01x) | 24.9 µs (1x) |"),
                ratiosRow("131 072", "fixed", RULES_RANDOM,
                        "| 131072 | 0 | fixed | 31.7 µs | 43.4 µs (0.73x) | 47.6 µs (0.669x) | 38 µs (0.836x) | 61.5 µs (0.511x) |"),
                ratiosRow("131 072", "default", RULES_RANDOM,
                        "| 131072 | 0 | adaptive | 31.7 µs | 31.9 µs (0.972x) | 31.8 µs (0.994x) | 32.1 µs (0.986x) | 31.9 µs (0.994x) |"),
                ratiosRow("262 144", "fixed", RULES_RANDOM,
                        "| 262144 | 0 | fixed | 64.5 µs | 124 µs (0.546x) | 120 µs (0.537x) | 52.1 µs (1.25x) | 103 µs (0.661x) |"),
                ratiosRow("262 144", "default", RULES_RANDOM,
                        "| 262144 | 0 | adaptive | 64.5 µs | 64.4 µs (1x) | 64.9 µs (0.998x) | 64.5 µs (0.998x) | 64.2 µs (1x) |"),
                ratiosRow("524 288", "fixed", RULES_RANDOM,
                        "| 524288 | 0 | fixed | 127 µs | 180 µs (0.707x) | 146 µs (0.857x) | 90.2 µs (1.4x) | 112 µs (1.14x) |"),
                ratiosRow("524 288", "default", RULES_RANDOM,
                        "| 524288 | 0 | adaptive | 127 µs | 128 µs (0.993x) | 127 µs (0.996x) | 127 µs (1.01x) | 126 µs (1.01x) |"),
                ratiosRow("2 097 152", "fixed", RULES_RANDOM,
                        "| 2097152 | 0 | fixed | 553 µs | 400 µs (1.35x) | 380 µs (1.41x) | 293 µs (1.85x) | 351 µs (1.57x) |"),
                ratiosRow("2 097 152", "default", RULES_RANDOM,
                        "| 2097152 | 0 | adaptive | 553 µs | 429 µs (1.22x) | 394 µs (1.42x) | 299 µs (1.84x) | 520 µs (1.01x) |"),
                ratiosRow("10 000 000", "fixed", RULES_RANDOM,
                        "| 10000000 | 0 | fixed | 2.85 ms | 2.04 ms (1.45x) | 2.05 ms (1.4x) | 1.72 ms (1.68x) | 2.04 ms (1.4x) |"),
                ratiosRow("10 000 000", "default", RULES_RANDOM,
                        "| 10000000 | 0 | adaptive | 2.85 ms | 1.96 ms (1.43x) | 1.8 ms (1.55x) | 1.88 ms (1.54x) | 2.08 ms (1.39x) |"),
                new Quoted(FINDINGS, "Every default cell is at least 0.972× `sequential`", RULES_RANDOM,
                        "| 131072 | 0 | adaptive | 31.7 µs | 31.9 µs (0.972x) |", "0.972"),
                new Quoted(README, "it makes `thread-pool` 1.71× as fast as `sequential` and `fork-join` 1.74×",
                        XEON_SPREAD_SPEED, "| 2097152 | 0 | adaptive | 638 µs | 357 µs (1.74x; 1.63x) | 363 µs (1.74x; "
                        + "1.6x) | 357 µs (1.71x; 0.983x) |", "1.71"),
                new Quoted(README, "put a strategy's minimum parallel size within 1.37× of each other",
                        XEON_DECISIONS, "| process-shared | 2919593 2668015 2286869 3133150 2842195 | 1.37 |", "1.37"),
                new Quoted(README, "1.03× [0.994, 1.07], 1.01× [1.00, 1.02] and 1.09× [0.970, 1.23] `sequential` at 1,000, 100,000 and 10,000,000", XEON_DEFAULT_RUN,
                        "| process-pipe | 2 | 1.03× [0.994, 1.07] | 1.01× [1.00, 1.02] | 1.09× [0.970, 1.23] |",
                        "1.09× [0.970, 1.23]"),
                new Quoted(FINDINGS, "| `thread-pool` | 163 661 to 1 203 305 | 7.35 | 1 045 303 to 1 131 259 | 1.08 |",
                        XEON_DECISIONS, "| thread-pool | 1203305 207745 789396 163661 1064053 | 7.35 |", "7.35"),
                new Quoted(FINDINGS, "| `thread-pool` | 163 661 to 1 203 305 | 7.35 | 1 045 303 to 1 131 259 | 1.08 |",
                        XEON_DECISIONS, "| thread-pool | 1047992 1131259 1091493 1045303 1071774 | 1.08 |", "1.08"),
                new Quoted(FINDINGS, "(the lowest upper bound is 1.01, `fork-join` with 2 workers at 100 000)",
                        XEON_DEFAULT_RUN, "| fork-join | 2 | 1.03× [0.992, 1.07] | 1.00× [0.993, 1.01] |", "1.01"),
                new Quoted(FINDINGS, "0.731× [0.562, 0.944] and 0.727× [0.571, 0.907]", XEON + "20261205-080329_vm_jdk25.md",
                        "| parallel-stream | 1 | 0.988× [0.970, 1.01] | 0.992× [0.978, 1.01] | 0.731× [0.562, 0.944] |",
                        "0.731× [0.562, 0.944]"),
                new Quoted(FINDINGS, "0.731× [0.562, 0.944] and 0.727× [0.571, 0.907]", XEON + "20261205-080329_vm_jdk25.md",
                        "| virtual-threads | 1 | 0.944× [0.888, 1.00] | 0.973× [0.952, 0.994] | 0.727× [0.571, 0.907] |",
                        "0.727× [0.571, 0.907]"),
                new Quoted(FINDINGS, "0.985× to 1.04× `sequential` with one worker, an A/A pair at 1.005× to 1.012×", XEON + "20261205-081931_race-one-worker-10m-jdk25.md",
                        "| all | virtual-threads | 8302287.5 | 0.9850 |", "0.985"),
                new Quoted(FINDINGS, "0.985× to 1.04× `sequential` with one worker, an A/A pair at 1.005× to 1.012×", XEON + "20261205-081931_race-one-worker-10m-jdk25.md",
                        "| all | thread-pool | 6602931.0 | 1.0382 |", "1.04"),
                new Quoted(FINDINGS, "0.985× to 1.04× `sequential` with one worker, an A/A pair at 1.005× to 1.012×", XEON + "20261205-081931_race-one-worker-10m-jdk25.md",
                        "| all | sequential@fixed | 6723633.0 | 1.0120 |", "1.012"),
                new Quoted(FINDINGS, "the lowest upper bound is 0.983, `parallel-stream` with 1 worker at 100 000", XEON + "20261205-073935_vm_jdk17.md",
                        "| parallel-stream | 1 | 0.999× [0.960, 1.04] | 0.960× [0.937, 0.983] |", "0.983"),
                new Quoted(FINDINGS, "and `process-pipe` is at 0.964× to 1.00×", XEON + "20261205-073935_vm_jdk17.md",
                        "| process-pipe | 1 | 0.986× [0.947, 1.03] | 1.00× [0.981, 1.03] | 0.964× [0.911, 1.02] |",
                        "0.964"),
                new Quoted(FINDINGS, "the lowest upper bound is 1.01, `parallel-stream` with 1 worker at 1 000",
                        XEON + "20261205-054529_vm_jdk25.md", "| parallel-stream | 1 | 0.979× [0.950, 1.01] |", "1.01"),
                new Quoted(FINDINGS, "from 10 to 524 288 elements no round of any default is below 0.966×",
                        XEON + "20261205-061239_defaults-check-one-jvm-defaults.md", "| 1000 | 0 | 255 ns | 264 ns "
                        + "(0.97x; 0.968x) | 264 ns (0.968x; 0.966x) |", "0.966"),
                new Quoted(FINDINGS, "With both rules in one JVM the process defaults stay at 0.772× at 10 elements",
                        XEON + "20261205-060804_defaults-check-one-jvm-opaque.md",
                        "| 10 | 0 | process-shared | 0.772x | 0.766x |", "0.772"),
                new Quoted(FINDINGS, "From 1 000 to 524 288 elements every default is at 0.98× `sequential` or more in every round",
                        XEON_ONE_JVM, "| 131072 | 0 | parallel-stream | 1x | 0.98x |", "0.98"),
                new Quoted(FINDINGS, "the fixed rule goes down to 0.511× between 131 072 and 524 288", RULES_RANDOM,
                        "| 131072 | 0 | fixed | 31.7 µs | 43.4 µs (0.73x) | 47.6 µs (0.669x) | 38 µs (0.836x) | 61.5 µs (0.511x) |", "0.511"),
                new Quoted(FINDINGS, "and to 0.000134× where it sends 10 elements", RULES_RANDOM,
                        "| 10 | 0 | fixed | 6.94 ns | 30 ns (0.232x) | 40 ns (0.174x) | 30 ns (0.232x) | 52.2 µs (0.000134x) |", "0.000134"),
                new Quoted(FINDINGS, "gains 1.39× to 1.55×, against the fixed rule's 1.40× to 1.68×", RULES_RANDOM,
                        "| 10000000 | 0 | adaptive | 2.85 ms | 1.96 ms (1.43x) | 1.8 ms (1.55x) | 1.88 ms (1.54x) | 2.08 ms (1.39x) |", "1.39"),
                new Quoted(FINDINGS, "gains 1.39× to 1.55×, against the fixed rule's 1.40× to 1.68×", RULES_RANDOM,
                        "| 10000000 | 0 | fixed | 2.85 ms | 2.04 ms (1.45x) | 2.05 ms (1.4x) | 1.72 ms (1.68x) | 2.04 ms (1.4x) |", "1.68"),
                new Quoted(FINDINGS, "(fork-join 1.43× against 1.45×, parallel-stream 1.55× against 1.40×, thread-pool 1.54× against 1.68×, `process-shared` 1.39× against 1.40×)", RULES_RANDOM,
                        "| 10000000 | 0 | adaptive | 2.85 ms | 1.96 ms (1.43x) | 1.8 ms (1.55x) | 1.88 ms (1.54x) | 2.08 ms (1.39x) |", "1.43"),
                new Quoted(FINDINGS, "(fork-join 1.43× against 1.45×, parallel-stream 1.55× against 1.40×, thread-pool 1.54× against 1.68×, `process-shared` 1.39× against 1.40×)", RULES_RANDOM,
                        "| 10000000 | 0 | fixed | 2.85 ms | 2.04 ms (1.45x) | 2.05 ms (1.4x) | 1.72 ms (1.68x) | 2.04 ms (1.4x) |", "1.45"),
                new Quoted(FINDINGS, "splits for fork-join (1.22× against the fixed rule's 1.35×), parallel-stream (1.42× against 1.41×) and thread-pool (1.84× against 1.85×)", RULES_RANDOM,
                        "| 2097152 | 0 | adaptive | 553 µs | 429 µs (1.22x) | 394 µs (1.42x) | 299 µs (1.84x) | 520 µs (1.01x) |", "1.22"),
                new Quoted(FINDINGS, "splits for fork-join (1.22× against the fixed rule's 1.35×), parallel-stream (1.42× against 1.41×) and thread-pool (1.84× against 1.85×)", RULES_RANDOM,
                        "| 2097152 | 0 | fixed | 553 µs | 400 µs (1.35x) | 380 µs (1.41x) | 293 µs (1.85x) | 351 µs (1.57x) |", "1.35"),
                new Quoted(FINDINGS, "`process-shared`'s 1.57× (1.01×)", RULES_RANDOM,
                        "| 2097152 | 0 | fixed | 553 µs | 400 µs (1.35x) | 380 µs (1.41x) | 293 µs (1.85x) | 351 µs (1.57x) |", "1.57"),
                new Quoted(FINDINGS, "`process-shared`'s 1.57× (1.01×)", RULES_RANDOM,
                        "| 2097152 | 0 | adaptive | 553 µs | 429 µs (1.22x) | 394 µs (1.42x) | 299 µs (1.84x) | 520 µs (1.01x) |", "1.01"),
                new Quoted(FINDINGS, "had every default cell at least 0.973×, and the default at 10 000 000 at 1.65× to 1.85× against the fixed rule's 1.56× to 1.83×", RULES_DEC2,
                        "| 2097152 | 0 | adaptive | 550 µs | 572 µs (0.973x) |", "0.973"),
                new Quoted(FINDINGS, "had every default cell at least 0.973×, and the default at 10 000 000 at 1.65× to 1.85× against the fixed rule's 1.56× to 1.83×", RULES_DEC2,
                        "| 10000000 | 0 | adaptive | 2.88 ms | 1.84 ms (1.65x) | 1.7 ms (1.73x) | 1.56 ms (1.85x) |", "1.65"),
                new Quoted(FINDINGS, "had every default cell at least 0.973×, and the default at 10 000 000 at 1.65× to 1.85× against the fixed rule's 1.56× to 1.83×", RULES_DEC2,
                        "| 10000000 | 0 | fixed | 2.88 ms | 1.88 ms (1.56x) | 1.63 ms (1.77x) | 1.54 ms (1.83x) |", "1.56"),
                new Quoted(FINDINGS, "at least 0.977×, and at 10 000 000 `process-shared`'s default at 1.16× against 1.45×", RULES_RANDOM_BUSY,
                        "| 262144 | 0 | adaptive | 67.4 µs | 66.8 µs (0.999x) | 66.8 µs (0.998x) | 67.2 µs (0.977x) |", "0.977"),
                new Quoted(FINDINGS, "at least 0.977×, and at 10 000 000 `process-shared`'s default at 1.16× against 1.45×", RULES_RANDOM_BUSY,
                        "| 10000000 | 0 | adaptive | 2.9 ms | 1.98 ms (1.48x) | 2.09 ms (1.48x) | 1.83 ms (1.67x) | 2.64 ms (1.16x) |", "1.16"),
                new Quoted(FINDINGS, "at least 0.977×, and at 10 000 000 `process-shared`'s default at 1.16× against 1.45×", RULES_RANDOM_BUSY,
                        "| 10000000 | 0 | fixed | 2.9 ms | 2.14 ms (1.44x) | 1.79 ms (1.65x) | 2.06 ms (1.49x) | 2.12 ms (1.45x) |", "1.45"),
                new Quoted(FINDINGS, "| fork-join | 1.02x | 0.756x .. 1.53x | 13 of 25 | 0.913x .. 1.06x (95.7 %) | no difference measured |", RULES_10M_RANDOM,
                        "| 10000000 | 0 | fork-join | 1.02x | 0.756x .. 1.53x | 13 of 25 | 0.913x .. 1.06x (95.7 %) | no difference measured |", "1.02x"),
                new Quoted(FINDINGS, "| parallel-stream | 1.02x | 0.744x .. 1.25x | 13 of 25 | 0.903x .. 1.09x (95.7 %) | no difference measured |", RULES_10M_RANDOM,
                        "| 10000000 | 0 | parallel-stream | 1.02x | 0.744x .. 1.25x | 13 of 25 | 0.903x .. 1.09x (95.7 %) | no difference measured |", "1.02x"),
                new Quoted(FINDINGS, "| thread-pool | 0.961x | 0.65x .. 1.18x | 8 of 25 | 0.827x .. 1x (95.7 %) | no difference measured |", RULES_10M_RANDOM,
                        "| 10000000 | 0 | thread-pool | 0.961x | 0.65x .. 1.18x | 8 of 25 | 0.827x .. 1x (95.7 %) | no difference measured |", "0.961x"),
                new Quoted(FINDINGS, "| process-shared | 0.872x | 0.565x .. 1.37x | 8 of 25 | 0.783x .. 1.02x (95.7 %) | no difference measured |", RULES_10M_RANDOM,
                        "| 10000000 | 0 | process-shared | 0.872x | 0.565x .. 1.37x | 8 of 25 | 0.783x .. 1.02x (95.7 %) | no difference measured |", "0.872x"),
                new Quoted(FINDINGS, "a busy host: single rounds from 0.565× to 1.53×", RULES_10M_RANDOM,
                        "| 10000000 | 0 | process-shared | 0.872x | 0.565x .. 1.37x |", "0.565"),
                new Quoted(FINDINGS, "a busy host: single rounds from 0.565× to 1.53×", RULES_10M_RANDOM,
                        "| 10000000 | 0 | fork-join | 1.02x | 0.756x .. 1.53x |", "1.53"),
                new Quoted(FINDINGS, "thread-pool's default was slower, 0.984× in the median round, interval 0.963× .. 0.999×", RULES_10M_BEFORE,
                        "| 10000000 | 0 | thread-pool | 0.984x | 0.801x .. 1.07x | 7 of 25 | 0.963x .. 0.999x (95.7 %) | slower |", "0.963"),
                new Quoted(FINDINGS, "with fork-join at 0.976×, parallel-stream 0.99× and `process-shared` 0.984× (no difference measured)", RULES_10M_BEFORE,
                        "| 10000000 | 0 | fork-join | 0.976x |", "0.976"),
                new Quoted(FINDINGS, "with fork-join at 0.976×, parallel-stream 0.99× and `process-shared` 0.984× (no difference measured)", RULES_10M_BEFORE,
                        "| 10000000 | 0 | parallel-stream | 0.99x |", "0.99"),
                new Quoted(FINDINGS, "with fork-join at 0.976×, parallel-stream 0.99× and `process-shared` 0.984× (no difference measured)", RULES_10M_BEFORE,
                        "| 10000000 | 0 | process-shared | 0.984x | 0.913x .. 1.28x | 9 of 25 | 0.957x .. 1.01x (95.7 %) | no difference measured |", "0.984"),
                new Quoted(FINDINGS, "0.971× to 0.99×, all four no difference measured", RULES_10M_40,
                        "| 10000000 | 0 | fork-join | 0.971x | 0.677x .. 1.2x | 18 of 40 | 0.933x .. 1.04x (96.2 %) | no difference measured |", "0.971"),
                new Quoted(FINDINGS, "0.971× to 0.99×, all four no difference measured", RULES_10M_40,
                        "| 10000000 | 0 | process-shared | 0.99x | 0.556x .. 1.4x | 18 of 40 | 0.902x .. 1.01x (96.2 %) | no difference measured |", "0.99"),
                new Quoted(FINDINGS, "0.961× to 1×, ran the JVMs in a rotated order", RULES_10M,
                        "| 10000000 | 0 | process-shared | 0.961x |", "0.961"),
                new Quoted(FINDINGS, "the default was 0.958× to 0.999× the fixed rule in the median round", RULES_1000,
                        "| 10000000 | 0 | fork-join | 0.958x |", "0.958"),
                new Quoted(FINDINGS, "the default was 0.958× to 0.999× the fixed rule in the median round", RULES_1000,
                        "| 10000000 | 0 | process-shared | 0.999x |", "0.999"),
                new Quoted(FINDINGS, "places the data by the loop (85 to 128 ms in the traced runs)", TRACE_10M,
                        "| process-shared | 4 | 1.76 ms | 85.1 ms | split=300 |", "85"),
                new Quoted(FINDINGS, "places the data by the loop (85 to 128 ms in the traced runs)", TRACE_10M,
                        "| process-shared | 1 | 1.83 ms | 128 ms | split=300 |", "128"),
                new Quoted(FINDINGS, "the default gained 1.33×, 1.40×, 1.47× and 1.23× at 10 000 000", RULES,
                        "| 10000000 | 0 | adaptive | 3.38 ms | 2.54 ms (1.33x) | 2.14 ms (1.4x) | 2.03 ms (1.47x) | 2.52 ms (1.23x) |", "1.33"),
                new Quoted(FINDINGS, "against the fixed rule's 1.40×, 1.39×, 1.44× and 1.31×", RULES,
                        "| 10000000 | 0 | fixed | 3.38 ms | 2.28 ms (1.4x) | 2.28 ms (1.39x) | 2.06 ms (1.44x) | 2.71 ms (1.31x) |", "1.39"),
                new Quoted(FINDINGS, "(1.28× against 1.72× in", PROCESSES_FIRST,
                        "| 10000000 | 0 | fixed | 2.98 ms | 63.5 ms (0.047x) | 1.83 ms (1.72x) |", "1.72"),
                new Quoted(FINDINGS, "(1.28× against 1.72× in", PROCESSES_FIRST,
                        "| 10000000 | 0 | adaptive | 2.98 ms | 3.01 ms (1.04x) | 2.29 ms (1.28x) |", "1.28"),
                new Quoted(FINDINGS, "had thread-pool's default at 0.993× there against the fixed rule's 1.76×", RULES_DEC2_EARLIER,
                        "| 2097152 | 0 | fixed | 525 µs | 381 µs (1.36x) | 371 µs (1.4x) | 303 µs (1.76x) |", "1.76"),
                new Quoted(FINDINGS, "had thread-pool's default at 0.993× there against the fixed rule's 1.76×", RULES_DEC2_EARLIER,
                        "| 2097152 | 0 | adaptive | 525 µs | 517 µs (0.991x) | 540 µs (0.975x) | 521 µs (0.993x) |", "0.993"),
                new Quoted(FINDINGS, "9.23 ns in the check of 23:32 and 6.77 ns in the one of 02:27", RULES,
                        "| 10 | 0 | fixed | 9.23 ns |", "9.23 ns"),
                new Quoted(FINDINGS, "9.23 ns in the check of 23:32 and 6.77 ns in the one of 02:27", RULES_DEC2,
                        "| 10 | 0 | fixed | 6.77 ns |", "6.77 ns"),
                new Quoted(FINDINGS, "at 1 000: 291 ns, then 245 and 246 ns", DEFAULT_EVENING,
                        "| 1000 | 0 | 291 ns |", "291 ns"),
                new Quoted(FINDINGS, "at 1 000: 291 ns, then 245 and 246 ns", RULES,
                        "| 1000 | 0 | fixed | 245 ns |", "245 ns"),
                new Quoted(FINDINGS, "at 1 000: 291 ns, then 245 and 246 ns", RULES_DEC2,
                        "| 1000 | 0 | fixed | 246 ns |", "246 ns"),
                new Quoted(FINDINGS, "the fixed rule's 0.174× to 0.232× at 10", RULES_RANDOM,
                        "| 10 | 0 | fixed | 6.94 ns | 30 ns (0.232x) | 40 ns (0.174x) |", "0.174"),
                new Quoted(FINDINGS, "the fixed rule's 0.174× to 0.232× at 10", RULES_RANDOM,
                        "| 10 | 0 | fixed | 6.94 ns | 30 ns (0.232x) |", "0.232"),
                new Quoted(FINDINGS, "2.83 to 2.93 ms in the checks of 2026-12-02", RULES_10M_BEFORE,
                        "| 10000000 | 0 | fixed | 2.83 ms |", "2.83 ms"),
                new Quoted(FINDINGS, "2.83 to 2.93 ms in the checks of 2026-12-02", RULES_10M_RANDOM,
                        "| 10000000 | 0 | fixed | 2.93 ms |", "2.93 ms"),
                new Quoted(FINDINGS, "(2.98 to 3.81 ms the evening before", PROCESSES_FIRST,
                        "| 10000000 | 0 | fixed | 2.98 ms |", "2.98 ms"),
                new Quoted(FINDINGS, "(2.98 to 3.81 ms the evening before", PROCESSES,
                        "| 10000000 | 0 | fixed | 3.81 ms |", "3.81 ms"),
                new Quoted(FINDINGS, "(0.985× to 1.02×)", PROCESSES_DEC2,
                        "| 10000000 | 0 | adaptive | 2.86 ms | 2.93 ms (0.985x) |", "0.985"),
                new Quoted(FINDINGS, "(0.985× to 1.02×)", PROCESSES_DEC2,
                        "| 2097152 | 0 | adaptive | 566 µs | 560 µs (1.02x) |", "1.02"),
                new Quoted(FINDINGS, "(0.0319× at 262 144, 0.0528× at 10 000 000)", PROCESSES_DEC2,
                        "| 262144 | 0 | fixed | 66.6 µs | 2.08 ms (0.0319x) |", "0.0319"),
                new Quoted(FINDINGS, "(0.0319× at 262 144, 0.0528× at 10 000 000)", PROCESSES_DEC2,
                        "| 10000000 | 0 | fixed | 2.86 ms | 54.2 ms (0.0528x) |", "0.0528"),
                new Quoted(FINDINGS, "1.65× against the fixed rule's 1.63×", PROCESSES_DEC2,
                        "| 10000000 | 0 | fixed | 2.86 ms | 54.2 ms (0.0528x) | 1.74 ms (1.63x) |", "1.63"),
                new Quoted(FINDINGS, "1.65× against the fixed rule's 1.63×", PROCESSES_DEC2,
                        "| 10000000 | 0 | adaptive | 2.86 ms | 2.93 ms (0.985x) | 1.74 ms (1.65x) |", "1.65"),
                new Quoted(FINDINGS, "(1.01× round by round, as fast in 3 of 5 rounds)", PROCESSES_DEC2,
                        "| 10000000 | 0 | process-shared | 1.01x | 0.752x .. 1.03x | 3 of 5 |", "1.01"),
                new Quoted(FINDINGS, "and gives up the fixed rule's 1.55× at 2 097 152", PROCESSES_DEC2,
                        "| 2097152 | 0 | fixed | 566 µs | 12.7 ms (0.0465x) | 362 µs (1.55x) |", "1.55"),
                new Quoted(FINDINGS, "`sequential` at 10 elements: 40 ns in the last check with", DEFAULT_EVENING,
                        "| 10 | 0 | 40 ns |", "40 ns"),
                new Quoted(FINDINGS, "the thread pool's default gains **1.41× [1.26, 1.59]**", FINE_SWEEP_MD,
                        "| 4,194,304 | hot | 1.41× [1.26, 1.59] | 1.01× [0.927, 1.10] | 1.28× [1.13, 1.45] |", "1.41×"),
                new Quoted(FINDINGS, "at ≈ 1 130 199 [≤ 65 536, 2 521 141]", FINE_SWEEP_MD,
                        "| thread-pool | default | hot | 2 | ≈ 1,130,199 | [≤ 65,536, 2,521,141] |", "1 130 199"),
                new Quoted(FINDINGS, "the parallel stream's at ≈ 2 443 389", FINE_SWEEP_MD,
                        "| parallel-stream | default | hot | 2 | ≈ 2,443,389 |", "2 443 389"),
                new Quoted(FINDINGS, "had `parallel-stream` split at 262 144 and lose, 0.602x", RERUN,
                        "| 262144 | 0 | 62 µs | 60.1 µs (1.03x) | 103 µs (0.602x) |", "0.602x"),
                // docs/findings.md: bench-ab (the compare lines themselves are console examples)
                new Quoted(FINDINGS, "the `sequential-stream` hand-off −32.1 %", JDK_PAIR, "-32.1% faster", "32.1"),
                new Quoted(FINDINGS, "`process-spawn`, +75.9 % to +178.9 %", JDK_PAIR, "+178.9% slower", "178.9"),
                new Quoted(FINDINGS, "thread-pool's sum at +13.7 %", JDK_PAIR, "+13.7% slower", "13.7"),
                new Quoted(FINDINGS, "(the fork-join hand-off −54.8 %,", AA_PAIR, "-54.8% faster", "54.8"),
                new Quoted(FINDINGS, "process-pipe's sum −14.5 %)", AA_PAIR, "-14.5% faster", "14.5"),
                new Quoted(FINDINGS, "(up to ±78 % on the fork-join hand-off", AA_PAIR, "7.18 µs/op   ±78%", "78"),
                // docs/findings.md: the 1-fork runs of 2026-11-26
                score(FINDINGS, "(`sequential` at 10 000 000: 6.81 ms then, 2.79 ms in the default run)", OLD_JDK17,
                        SUM, "strategy=sequential size=10000000 workers=2", "6.81 ms"),
                score(FINDINGS, "(`sequential` at 10 000 000: 6.81 ms then, 2.79 ms in the default run)", RUN, SUM,
                        "strategy=sequential size=10000000", "2.79 ms"),
                score(FINDINGS, "thread-pool takes 3.39 ms with chunks of 4 096 and 1.78 ms", RUN, CHUNKS,
                        "chunk=4096 size=10000000 strategy=thread-pool", "3.39 ms"),
                score(FINDINGS, "thread-pool takes 3.39 ms with chunks of 4 096 and 1.78 ms", RUN, CHUNKS,
                        "chunk=1048576 size=10000000 strategy=thread-pool", "1.78 ms"),
                // the default chunking on a second machine
                ratiosRow("10", "fixed", XEON_RULES,
                        "| 10 | 0 | fixed | 6.26 ns | 33 ns (0.188x) | 33 ns (0.19x) | 33 ns (0.19x) | 6.92 µs (0.000953x) |"),
                ratiosRow("10", "default", XEON_RULES,
                        "| 10 | 0 | adaptive | 6.26 ns | 6.59 ns (0.974x) | 6.14 ns (1.02x) | 6.33 ns (0.988x) | 6.61 ns (0.969x) |"),
                ratiosRow("1 000", "fixed", XEON_RULES,
                        "| 1000 | 0 | fixed | 245 ns | 263 ns (0.94x) | 249 ns (0.973x) | 243 ns (0.973x) | 6.61 µs (0.0372x) |"),
                ratiosRow("1 000", "default", XEON_RULES,
                        "| 1000 | 0 | adaptive | 245 ns | 242 ns (1x) | 244 ns (0.992x) | 245 ns (1.01x) | 238 ns (1.01x) |"),
                ratiosRow("100 000", "fixed", XEON_RULES,
                        "| 100000 | 0 | fixed | 25.1 µs | 25.1 µs (0.999x) | 25.1 µs (1.02x) | 25.1 µs (0.998x) | 109 µs (0.242x) |"),
                ratiosRow("100 000", "default", XEON_RULES,
                        "| 100000 | 0 | adaptive | 25.1 µs | 25.1 µs (1x) | 26.4 µs (1x) | 25.1 µs (1x) | 25.1 µs (1x) |"),
                ratiosRow("131 072", "fixed", XEON_RULES,
                        "| 131072 | 0 | fixed | 32.9 µs | 61.2 µs (0.556x) | 44 µs (0.762x) | 34.6 µs (0.97x) | 112 µs (0.299x) |"),
                ratiosRow("131 072", "default", XEON_RULES,
                        "| 131072 | 0 | adaptive | 32.9 µs | 32.1 µs (1.02x) | 32.1 µs (1.02x) | 32.9 µs (1.02x) | 32.1 µs (1.03x) |"),
                ratiosRow("262 144", "fixed", XEON_RULES,
                        "| 262144 | 0 | fixed | 71.9 µs | 134 µs (0.526x) | 138 µs (0.519x) | 56.8 µs (1.3x) | 124 µs (0.564x) |"),
                ratiosRow("262 144", "default", XEON_RULES,
                        "| 262144 | 0 | adaptive | 71.9 µs | 72.2 µs (1x) | 72.4 µs (1.01x) | 73.7 µs (0.988x) | 72.3 µs (1x) |"),
                ratiosRow("524 288", "fixed", XEON_RULES,
                        "| 524288 | 0 | fixed | 153 µs | 210 µs (0.715x) | 196 µs (0.764x) | 113 µs (1.36x) | 187 µs (0.816x) |"),
                ratiosRow("524 288", "default", XEON_RULES,
                        "| 524288 | 0 | adaptive | 153 µs | 148 µs (1.01x) | 157 µs (1x) | 154 µs (0.982x) | 146 µs (1x) |"),
                ratiosRow("2 097 152", "fixed", XEON_RULES,
                        "| 2097152 | 0 | fixed | 634 µs | 516 µs (1.21x) | 492 µs (1.29x) | 391 µs (1.67x) | 526 µs (1.19x) |"),
                ratiosRow("2 097 152", "default", XEON_RULES,
                        "| 2097152 | 0 | adaptive | 634 µs | 534 µs (1.19x) | 505 µs (1.26x) | 405 µs (1.57x) | 643 µs (1x) |"),
                ratiosRow("10 000 000", "fixed", XEON_RULES,
                        "| 10000000 | 0 | fixed | 9.17 ms | 3.35 ms (2.8x) | 3.61 ms (2.54x) | 3.32 ms (2.83x) | 4.54 ms (2.02x) |"),
                ratiosRow("10 000 000", "default", XEON_RULES,
                        "| 10000000 | 0 | adaptive | 9.17 ms | 3.46 ms (2.68x) | 3.68 ms (2.54x) | 3.22 ms (2.8x) | 4.58 ms (1.99x) |"),
                // docs/findings.md: one rule with measured inputs (the before/after run and five fresh JVMs)
                new Quoted(FINDINGS, "`fork-join` 1.24× and `parallel-stream` 1.12×", XEON_MEASURED,
                        "| 2097152 | 0 | before | 669 µs | 535 µs (1.24x; 0.81x) | 611 µs (1.12x; 0.943x) |", "1.24"),
                new Quoted(FINDINGS, "gives 1.72× and 1.55×", XEON_MEASURED,
                        "| 2097152 | 0 | adaptive | 669 µs | 378 µs (1.72x; 1.49x) | 401 µs (1.55x; 1.28x) |", "1.72"),
                new Quoted(FINDINGS, "the learner's tries of the pipe cost 0.685× at 10 000 000", XEON_MEASURED,
                        "| 10000000 | 0 | before | 5.96 ms | 2.71 ms (2.41x; 1.7x) | 2.95 ms (2.38x; 1.49x) | 2.38 ms "
                                + "(2.28x; 1.88x) | 3.55 ms (1.7x; 1.04x) | 8.2 ms (0.685x; 0.576x) |", "0.685"),
                new Quoted(FINDINGS, "`parallel-stream` 0.771×", XEON_MEASURED,
                        "| 2097152 | 0 | parallel-stream | 1.55x | 1.28x | 1.15x | 0.771x |", "0.771"),
                new Quoted(FINDINGS, "`process-shared`'s minimum is 3 485 006 to 4 973 670 (1.43×)", XEON_SPREAD,
                        "h = 142.3 µs, m = 3, p = 2: from n = 3485006;", "3 485 006"),
                new Quoted(FINDINGS, "`process-shared`'s minimum is 3 485 006 to 4 973 670 (1.43×)", XEON_SPREAD,
                        "h = 203.2 µs, m = 3, p = 2: from n = 4973670;", "4 973 670"),
                new Quoted(FINDINGS, "and 1 135 638 in the fifth", XEON_SPREAD, "from n = 1135638;", "1 135 638"),
                new Quoted(FINDINGS, "Every default cell is at least 0.969× `sequential` here too", XEON_RULES,
                        "| 10 | 0 | adaptive | 6.26 ns | 6.59 ns (0.974x) | 6.14 ns (1.02x) | 6.33 ns (0.988x) | 6.61 ns (0.969x) |", "0.969"),
                new Quoted(FINDINGS, "`sequential` takes 9.17 ms for 10 000 000 longs", XEON_RULES,
                        "| 10000000 | 0 | fixed | 9.17 ms |", "9.17"),
                new Quoted(FINDINGS, "where the EPYC VM takes 2.85 ms", RULES_RANDOM, "| 10000000 | 0 | fixed | 2.85 ms |", "2.85"),
                new Quoted(FINDINGS, "| fork-join | 0.923x | 0.716x .. 1.24x | 8 of 25 | 0.903x .. 1.01x (95.7 %) | no difference measured |", XEON_10M,
                        "| 10000000 | 0 | fork-join | 0.923x | 0.716x .. 1.24x | 8 of 25 | 0.903x .. 1.01x (95.7 %) | no difference measured |", "0.923x"),
                new Quoted(FINDINGS, "| parallel-stream | 0.978x | 0.748x .. 1.2x | 10 of 25 | 0.918x .. 1.03x (95.7 %) | no difference measured |", XEON_10M,
                        "| 10000000 | 0 | parallel-stream | 0.978x | 0.748x .. 1.2x | 10 of 25 | 0.918x .. 1.03x (95.7 %) | no difference measured |", "0.978x"),
                new Quoted(FINDINGS, "| thread-pool | 0.991x | 0.781x .. 1.21x | 12 of 25 | 0.965x .. 1.05x (95.7 %) | no difference measured |", XEON_10M,
                        "| 10000000 | 0 | thread-pool | 0.991x | 0.781x .. 1.21x | 12 of 25 | 0.965x .. 1.05x (95.7 %) | no difference measured |", "0.991x"),
                new Quoted(FINDINGS, "| process-shared | 0.975x | 0.789x .. 1.45x | 12 of 25 | 0.925x .. 1.1x (95.7 %) | no difference measured |", XEON_10M,
                        "| 10000000 | 0 | process-shared | 0.975x | 0.789x .. 1.45x | 12 of 25 | 0.925x .. 1.1x (95.7 %) | no difference measured |", "0.975x"),
                new Quoted(FINDINGS, "in all 24 runs all 300 timed sums were splits", XEON_TRACE_10M,
                        "| process-shared | 6 | 2.29 ms | 87.4 ms | split=300 |", "300"),
                new Quoted(FINDINGS, "six runs of fork-join's default alone had medians from 2.06 to 2.88 ms", XEON_TRACE_10M,
                        "| fork-join | 5 | 2.06 ms |", "2.06"),
                new Quoted(FINDINGS, "six runs of fork-join's default alone had medians from 2.06 to 2.88 ms", XEON_TRACE_10M,
                        "| fork-join | 2 | 2.88 ms |", "2.88"),
                new Quoted(FINDINGS, "in one run of three they never reached the fast mode (121 to 211 µs", XEON_TRACE_524288,
                        "| 3 | fixed | 190 200 211 205 195 189 166 121 170 169 161 151 166 165 | plan=300 |", "121"),
                new Quoted(FINDINGS, "about 100 µs (97 to 105 µs)", XEON_TRACE_524288,
                        "| 2 | fixed | 155 130 213 138 133 187 177 168 103 102 102 97 99 | plan=300 |", "97"),
                new Quoted(FINDINGS, "120 to 213 µs in others", XEON_TRACE_524288,
                        "| 2 | fixed | 155 130 213 138 133 187 177 168 103 102 102 97 99 | plan=300 |", "213"),
                new Quoted(FINDINGS, "or by the loop (one run: its burst of splits was timed in the slow mode), 139 to 152 µs", XEON_TRACE_524288,
                        "| 3 | default | 152 149 146 145 143 143 143 145 143 141 141 141 141 | loop=300 |", "152"),
                new Quoted(FINDINGS, "(two runs: the hand-off it measured at start put its floor above 524 288)", XEON_TRACE_524288,
                        "| 1 | default | 141 141 141 140 140 141 140 140 140 140 139 139 139 | caller=300 |", "524 288"),
                new Quoted(FINDINGS, "fork-join 3.02 ms with either rule, parallel-stream 3.03 ms with either", XEON_AB,
                        "strategy=fork-join workers=2 3.02 ms/op ±13% 3.02 ms/op ±11%", "3.02"),
                new Quoted(FINDINGS, "fork-join 3.02 ms with either rule, parallel-stream 3.03 ms with either", XEON_AB,
                        "strategy=parallel-stream workers=2 3.03 ms/op ±14% 3.03 ms/op ±13%", "3.03"),
                new Quoted(FINDINGS, "thread-pool 2.65 ms fixed and 2.73 ms default, `process-shared` 3.75 and 3.86 ms", XEON_AB,
                        "strategy=thread-pool workers=2 2.65 ms/op ±11% 2.73 ms/op ±12% ~ 0.947 20+20 forks inconclusive", "2.73"),
                new Quoted(FINDINGS, "thread-pool 2.65 ms fixed and 2.73 ms default, `process-shared` 3.75 and 3.86 ms", XEON_AB,
                        "strategy=process-shared workers=2 3.75 ms/op ±11% 3.86 ms/op ±12% ~ 0.718 20+20 forks inconclusive", "3.86"),
                new Quoted(FINDINGS, "Yet round by round one was 0.656× to 1.5× as fast as the other", XEON_LARGE,
                        "| 2097152 | 0 | thread-pool | 0.973x | 0.656x .. 1.5x |", "0.656"),
                new Quoted(FINDINGS, "the fixed rule's splits run at 0.914× to 0.945× `sequential`",
                        XEON + "20261205-065704_race-one-core.md", "| all | parallel-stream@fixed | 830964.0 | 0.9144 |",
                        "0.914"),
                new Quoted(FINDINGS, "the fixed rule's splits run at 0.914× to 0.945× `sequential`",
                        XEON + "20261205-065704_race-one-core.md", "| all | fork-join@fixed | 803082.0 | 0.9449 |",
                        "0.945"),
                new Quoted(FINDINGS, "what the slowest rounds show (0.951× to 0.967×)", XEON_LARGE,
                        "| 2097152 | 0 | thread-pool | 1.5x | 0.951x |", "0.951"),
                new Quoted(STRATEGIES, "`sequential` against itself spans 0.727× to 1.641× round by round beside two "
                        + "splitting strategies, 0.945× to 1.042× without them", XEON + "20261205-071350_race-aa-10m.md",
                        "| 1 | sequential@fixed | 6792924.5 | 0.7271 |", "0.727"),
                new Quoted(STRATEGIES, "`sequential` against itself spans 0.727× to 1.641× round by round beside two "
                        + "splitting strategies, 0.945× to 1.042× without them", XEON + "20261205-071350_race-aa-10m.md",
                        "| 6 | sequential@fixed | 3828969.5 | 0.9450 |", "0.945"),
                new Quoted(FINDINGS, "0.963× to 1.02× at 2 097 152 and 0.708× to 1.14× at 10 000 000", XEON + "20261205-072600_defaults-check-one-jvm-both-rules.md",
                        "| 2097152 | 0 | 0.963x | 1.02x |", "0.963"),
                new Quoted(FINDINGS, "0.963× to 1.02× at 2 097 152 and 0.708× to 1.14× at 10 000 000", XEON + "20261205-072600_defaults-check-one-jvm-both-rules.md",
                        "| 10000000 | 0 | 0.708x | 1.14x |", "0.708"),
                new Quoted(FINDINGS, "a round's ratio stays within 0.945× to 1.042× (30 rounds in three JVMs)", XEON + "20261205-071350_race-aa-10m.md",
                        "| 6 | sequential@fixed | 3828969.5 | 0.9450 |", "0.945"),
                new Quoted(FINDINGS, "a round's ratio stays within 0.945× to 1.042× (30 rounds in three JVMs)", XEON + "20261205-071350_race-aa-10m.md",
                        "| 7 | sequential@fixed | 3622987.0 | 1.0417 |", "1.042"),
                new Quoted(FINDINGS, "between their turns it ranges from 0.727× to 1.641×", XEON + "20261205-071350_race-aa-10m.md",
                        "| 1 | sequential@fixed | 6792924.5 | 0.7271 |", "0.727"),
                new Quoted(FINDINGS, "between their turns it ranges from 0.727× to 1.641×", XEON + "20261205-071350_race-aa-10m.md",
                        "| 5 | sequential@fixed | 4605001.5 | 1.6409 |", "1.641"),
                new Quoted(FINDINGS, "sums in the caller by that loop, from 0.721× to 1.663×", XEON + "20261205-071350_race-aa-10m.md",
                        "| 7 | process-pipe | 5966784.5 | 0.7213 |", "0.721"),
                new Quoted(FINDINGS, "sums in the caller by that loop, from 0.721× to 1.663×", XEON + "20261205-071350_race-aa-10m.md",
                        "| 5 | process-pipe | 4542860.5 | 1.6634 |", "1.663"),
                new Quoted(FINDINGS, "`process-pipe` had one round at 0.639×, where its median is 1.02×", XEON + "20261205-070730_defaults-check-one-jvm-ten-rounds.md",
                        "| 3.58 ms (1.02x; 0.639x) |", "0.639"),
                new Quoted(FINDINGS, "`parallel-stream` 4.15 million and `process-shared` 4.29 million", XEON + "20261205-070730_defaults-check-one-jvm-ten-rounds.md",
                        "| 1000 | 0 | parallel-stream | 4153982 ", "4.15"),
                new Quoted(FINDINGS, "the thread defaults are at 0.973× to 1.02× of the fixed rule and 1.06× to 1.08× of "
                        + "`jdk-parallel-stream` at 2 097 152", XEON_LARGE,
                        "| 2097152 | 0 | thread-pool | 1.5x | 0.951x | 0.973x | 0.656x | 1.06x | 0.595x |", "0.973"),
                new Quoted(FINDINGS, "`parallel-stream` 3.93 million in one round at 2 097 152", XEON_LARGE,
                        "| 2097152 | 0 | parallel-stream | 3929654 1331676 ", "3.93"),
                new Quoted(FINDINGS, "and lost in another, 0.667× (lowest round 0.612×; two forced halves 0.687×",
                        XEON_PSHARED_SPLIT, "| 2097152 | 0 | fixed | 616 µs | 907 µs (0.667x; 0.612x) |", "0.667"),
                new Quoted(FINDINGS, "and lost in another, 0.667× (lowest round 0.612×; two forced halves 0.687×",
                        XEON_PSHARED_SPLIT, "| 2097152 | 0 | 633 µs | 913 µs (0.687x; 0.633x) |", "0.687"),
                new Quoted(FINDINGS, "In that run the default was 1.43× as fast as the fixed rule, and never below 0.995× of "
                        + "it in a round", XEON_PSHARED_SPLIT,
                        "| 2097152 | 0 | process-shared | 1.43x | 0.995x .. 1.67x | 9 of 10 |", "1.43"),
                new Quoted(FINDINGS, "two halves take 939 to 981 µs in five JVMs", XEON + "20261205-070442_process-shared-halves-one-core.md",
                        "| 1 | 980784.0 |", "981"),
                new Quoted(FINDINGS, "two halves take 939 to 981 µs in five JVMs", XEON + "20261205-070442_process-shared-halves-one-core.md",
                        "| 3 | 938758.5 |", "939"),
                new Quoted(FINDINGS, "the split pays in every round, 1.36× as two halves (lowest round 1.28×), where the threads' halves reach 1.86×",
                        XEON_PSHARED_SPLIT, "| 10000000 | 0 | 3.25 ms | 2.34 ms (1.36x; 1.28x) | 1.75 ms (1.86x; "
                        + "1.73x) |", "1.36"),
                new Quoted(FINDINGS, "0.92 to 1.16 million for `fork-join`, 1.06 to 1.40 million for `thread-pool`, 2.11 to "
                        + "3.20 million for `process-shared`", XEON + "20261205-063640_decisions-20-jvms.md",
                        "| process-shared | 2696663 ", "3.20"),
                // docs/suite.md
                new Quoted(SUITE, "table 1 flags 2 of its 42 rows as wider than ±10 %", RUN_MD,
                        "2 of 42 rows have an interval wider than ±10%", "42")));
        return figures;
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
        if (figure instanceof Quoted quoted) {
            String file = Files.readString(REFERENCE.resolve(quoted.run())).replaceAll("[ \\t]+", " ");
            assertTrue(file.contains(quoted.source().replaceAll("[ \\t]+", " ")),
                    quoted.run() + " no longer holds " + quoted.source() + ", the docs quote: " + quoted.text());
            return;
        }
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
