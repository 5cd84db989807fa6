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
    private static final String RULES_EARLIER = "20261201-230601_defaults-check-rules.md";
    private static final String PSHARED_EARLIER = "20261201-231837_defaults-check-process-shared.md";
    private static final String RULES = "20261201-233212_defaults-check-rules.md";
    private static final String PROCESSES_FIRST = "20261201-233751_defaults-check-processes-rules.md";
    private static final String PROCESSES = "20261202-000127_defaults-check-processes-rules.md";
    private static final String FINE_SWEEP_MD = "20261201-205437_vm_jdk17.md";
    private static final String JDK_PAIR = "20261201-184140_vm_jdk25_B.compare.txt";
    private static final String AA_PAIR = "20261201-183800_vm_jdk17_B.compare.txt";
    private static final String README = "README.md";
    private static final String FINDINGS = "docs/findings.md";
    private static final String SUITE = "docs/suite.md";

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
                new Quoted(README, "from **≈ 65 871 elements** [≤ 4 096, 76 193]", CROSS_MD,
                        "| thread-pool | default | hot | 2 | ≈ 65,871 | [≤ 4,096, 76,193] |", "65 871"),
                new Quoted(README, "≈ 414 452 [325 172, 531 918]", CROSS_MD,
                        "| thread-pool | halves | hot | 2 | ≈ 414,452 | [325,172, 531,918] |", "414 452"),
                new Quoted(README, "from **≈ 948 516** [872 813, 1 037 955]", CROSS_MD,
                        "| fork-join | halves | hot | 2 | ≈ 948,516 | [872,813, 1,037,955] |", "948 516"),
                new Quoted(README, "**≈ 1 196 727** [1 046 304, 1 348 724]", CROSS_MD,
                        "| parallel-stream | halves | hot | 2 | ≈ 1,196,727 | [1,046,304, 1,348,724] |", "1 196 727"),
                new Quoted(README, "**≈ 1 327 787** [949 293, 1 744 452]", CROSS_MD,
                        "| process-shared | halves | hot | 2 | ≈ 1,327,787 | [949,293, 1,744,452] |", "1 327 787"),
                new Quoted(README, "(`thread-pool` ≈ 1 825 924", CROSS_MD,
                        "| thread-pool | halves | after 1ms idle | 2 | ≈ 1,825,924 | [1,751,543, 1,893,593] |",
                        "1 825 924"),
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
                new Speedup(FINDINGS, "parallel-stream 1.76× [1.68, 1.83]", RUN, "parallel-stream", 2, 10_000_000,
                        "1.76× [1.68, 1.83]"),
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
                new Quoted(FINDINGS, "| thread-pool | **≈ 65 871 [≤ 4 096, 76 193]** | ≈ 414 452 [325 172, 531 918] | ≈ 1 930 191 [1 776 138, 2 086 729] | ≈ 1 825 924 [1 751 543, 1 893 593] |", CROSS_MD,
                        "| thread-pool | default | hot | 2 | ≈ 65,871 | [≤ 4,096, 76,193] |", "65 871"),
                new Quoted(FINDINGS, "| thread-pool | **≈ 65 871 [≤ 4 096, 76 193]** | ≈ 414 452 [325 172, 531 918] | ≈ 1 930 191 [1 776 138, 2 086 729] | ≈ 1 825 924 [1 751 543, 1 893 593] |", CROSS_MD,
                        "| thread-pool | halves | hot | 2 | ≈ 414,452 | [325,172, 531,918] |", "414 452"),
                new Quoted(FINDINGS, "| thread-pool | **≈ 65 871 [≤ 4 096, 76 193]** | ≈ 414 452 [325 172, 531 918] | ≈ 1 930 191 [1 776 138, 2 086 729] | ≈ 1 825 924 [1 751 543, 1 893 593] |", CROSS_MD,
                        "| thread-pool | default | after 1ms idle | 2 | ≈ 1,930,191 | [1,776,138, 2,086,729] |", "1 930 191"),
                new Quoted(FINDINGS, "| thread-pool | **≈ 65 871 [≤ 4 096, 76 193]** | ≈ 414 452 [325 172, 531 918] | ≈ 1 930 191 [1 776 138, 2 086 729] | ≈ 1 825 924 [1 751 543, 1 893 593] |", CROSS_MD,
                        "| thread-pool | halves | after 1ms idle | 2 | ≈ 1,825,924 | [1,751,543, 1,893,593] |", "1 825 924"),
                new Quoted(FINDINGS, "| fork-join | ≈ 1 889 554 [329 810, 2 985 651] | **≈ 948 516 [872 813, 1 037 955]** | ≈ 2 378 605 [2 077 885, 2 765 645] | ≈ 2 334 212 [2 147 913, 2 549 891] |", CROSS_MD,
                        "| fork-join | default | hot | 2 | ≈ 1,889,554 | [329,810, 2,985,651] |", "1 889 554"),
                new Quoted(FINDINGS, "| fork-join | ≈ 1 889 554 [329 810, 2 985 651] | **≈ 948 516 [872 813, 1 037 955]** | ≈ 2 378 605 [2 077 885, 2 765 645] | ≈ 2 334 212 [2 147 913, 2 549 891] |", CROSS_MD,
                        "| fork-join | halves | hot | 2 | ≈ 948,516 | [872,813, 1,037,955] |", "948 516"),
                new Quoted(FINDINGS, "| fork-join | ≈ 1 889 554 [329 810, 2 985 651] | **≈ 948 516 [872 813, 1 037 955]** | ≈ 2 378 605 [2 077 885, 2 765 645] | ≈ 2 334 212 [2 147 913, 2 549 891] |", CROSS_MD,
                        "| fork-join | default | after 1ms idle | 2 | ≈ 2,378,605 | [2,077,885, 2,765,645] |", "2 378 605"),
                new Quoted(FINDINGS, "| fork-join | ≈ 1 889 554 [329 810, 2 985 651] | **≈ 948 516 [872 813, 1 037 955]** | ≈ 2 378 605 [2 077 885, 2 765 645] | ≈ 2 334 212 [2 147 913, 2 549 891] |", CROSS_MD,
                        "| fork-join | halves | after 1ms idle | 2 | ≈ 2,334,212 | [2,147,913, 2,549,891] |", "2 334 212"),
                new Quoted(FINDINGS, "| parallel-stream | ≈ 1 246 472 [1 120 467, 1 445 532] | **≈ 1 196 727 [1 046 304, 1 348 724]** | ≈ 1 789 393 [1 217 963, 2 457 123] | ≈ 2 767 589 [2 533 496, 2 992 040] |", CROSS_MD,
                        "| parallel-stream | default | hot | 2 | ≈ 1,246,472 | [1,120,467, 1,445,532] |", "1 246 472"),
                new Quoted(FINDINGS, "| parallel-stream | ≈ 1 246 472 [1 120 467, 1 445 532] | **≈ 1 196 727 [1 046 304, 1 348 724]** | ≈ 1 789 393 [1 217 963, 2 457 123] | ≈ 2 767 589 [2 533 496, 2 992 040] |", CROSS_MD,
                        "| parallel-stream | halves | hot | 2 | ≈ 1,196,727 | [1,046,304, 1,348,724] |", "1 196 727"),
                new Quoted(FINDINGS, "| parallel-stream | ≈ 1 246 472 [1 120 467, 1 445 532] | **≈ 1 196 727 [1 046 304, 1 348 724]** | ≈ 1 789 393 [1 217 963, 2 457 123] | ≈ 2 767 589 [2 533 496, 2 992 040] |", CROSS_MD,
                        "| parallel-stream | default | after 1ms idle | 2 | ≈ 1,789,393 | [1,217,963, 2,457,123] |", "1 789 393"),
                new Quoted(FINDINGS, "| parallel-stream | ≈ 1 246 472 [1 120 467, 1 445 532] | **≈ 1 196 727 [1 046 304, 1 348 724]** | ≈ 1 789 393 [1 217 963, 2 457 123] | ≈ 2 767 589 [2 533 496, 2 992 040] |", CROSS_MD,
                        "| parallel-stream | halves | after 1ms idle | 2 | ≈ 2,767,589 | [2,533,496, 2,992,040] |", "2 767 589"),
                new Quoted(FINDINGS, "| process-shared | ≈ 1 567 874 [≤ 4 096, 2 516 310] | **≈ 1 327 787 [949 293, 1 744 452]** | ≈ 1 257 236 [1 075 685, 1 469 428] | ≈ 2 286 356 [1 976 640, 2 576 746] |", CROSS_MD,
                        "| process-shared | default | hot | 2 | ≈ 1,567,874 | [≤ 4,096, 2,516,310] |", "1 567 874"),
                new Quoted(FINDINGS, "| process-shared | ≈ 1 567 874 [≤ 4 096, 2 516 310] | **≈ 1 327 787 [949 293, 1 744 452]** | ≈ 1 257 236 [1 075 685, 1 469 428] | ≈ 2 286 356 [1 976 640, 2 576 746] |", CROSS_MD,
                        "| process-shared | halves | hot | 2 | ≈ 1,327,787 | [949,293, 1,744,452] |", "1 327 787"),
                new Quoted(FINDINGS, "| process-shared | ≈ 1 567 874 [≤ 4 096, 2 516 310] | **≈ 1 327 787 [949 293, 1 744 452]** | ≈ 1 257 236 [1 075 685, 1 469 428] | ≈ 2 286 356 [1 976 640, 2 576 746] |", CROSS_MD,
                        "| process-shared | default | after 1ms idle | 2 | ≈ 1,257,236 | [1,075,685, 1,469,428] |", "1 257 236"),
                new Quoted(FINDINGS, "| process-shared | ≈ 1 567 874 [≤ 4 096, 2 516 310] | **≈ 1 327 787 [949 293, 1 744 452]** | ≈ 1 257 236 [1 075 685, 1 469 428] | ≈ 2 286 356 [1 976 640, 2 576 746] |", CROSS_MD,
                        "| process-shared | halves | after 1ms idle | 2 | ≈ 2,286,356 | [1,976,640, 2,576,746] |", "2 286 356"),
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
                new Quoted(FINDINGS, "| 10 | fixed | 0.433x | 0.462x | 0.444x | 0.000628x |", RULES,
                        "| 10 | 0 | fixed | 9.23 ns | 20 ns (0.433x) |", "0.433x"),
                new Quoted(FINDINGS, "| 10 | default | 1.01x | 1.04x | 1x | 1.01x |", RULES,
                        "| 10 | 0 | adaptive | 9.23 ns | 8.46 ns (1.01x) |", "1.01x"),
                new Quoted(FINDINGS, "| 1 000 | fixed | 0.942x | 0.955x | 0.92x | 0.00346x |", RULES,
                        "| 1000 | 0 | fixed | 245 ns | 286 ns (0.942x) |", "0.942x"),
                new Quoted(FINDINGS, "| 1 000 | default | 0.92x | 0.965x | 0.987x | 0.958x |", RULES,
                        "| 1000 | 0 | adaptive | 245 ns | 261 ns (0.92x) |", "0.92x"),
                new Quoted(FINDINGS, "| 100 000 | fixed | 0.997x | 1.07x | 1.05x | 0.239x |", RULES,
                        "| 100000 | 0 | fixed | 27.5 µs | 27.6 µs (0.997x) |", "0.997x"),
                new Quoted(FINDINGS, "| 100 000 | default | 1.06x | 1.06x | 1.06x | 0.984x |", RULES,
                        "| 100000 | 0 | adaptive | 27.5 µs | 25.8 µs (1.06x) |", "1.06x"),
                new Quoted(FINDINGS, "| 131 072 | fixed | 0.448x | 0.551x | 0.879x | 0.344x |", RULES,
                        "| 131072 | 0 | fixed | 36.4 µs | 80.5 µs (0.448x) |", "0.448x"),
                new Quoted(FINDINGS, "| 131 072 | default | 1.01x | 0.988x | 0.994x | 0.999x |", RULES,
                        "| 131072 | 0 | adaptive | 36.4 µs | 34.9 µs (1.01x) |", "1.01x"),
                new Quoted(FINDINGS, "| 262 144 | fixed | 0.543x | 0.509x | 1.12x | 0.338x |", RULES,
                        "| 262144 | 0 | fixed | 73.8 µs | 136 µs (0.543x) |", "0.543x"),
                new Quoted(FINDINGS, "| 262 144 | default | 1x | 1.01x | 1x | 0.999x |", RULES,
                        "| 262144 | 0 | adaptive | 73.8 µs | 72.4 µs (1x) |", "1x"),
                new Quoted(FINDINGS, "| 524 288 | fixed | 0.67x | 0.846x | 1.26x | 0.678x |", RULES,
                        "| 524288 | 0 | fixed | 145 µs | 212 µs (0.67x) |", "0.67x"),
                new Quoted(FINDINGS, "| 524 288 | default | 0.992x | 1.02x | 0.949x | 0.997x |", RULES,
                        "| 524288 | 0 | adaptive | 145 µs | 145 µs (0.992x) |", "0.992x"),
                new Quoted(FINDINGS, "| 2 097 152 | fixed | 0.999x | 1.23x | 1.65x | 1.06x |", RULES,
                        "| 2097152 | 0 | fixed | 601 µs | 606 µs (0.999x) |", "0.999x"),
                new Quoted(FINDINGS, "| 2 097 152 | default | 0.965x | 0.986x | 0.98x | 1.01x |", RULES,
                        "| 2097152 | 0 | adaptive | 601 µs | 628 µs (0.965x) |", "0.965x"),
                new Quoted(FINDINGS, "| 10 000 000 | fixed | 1.4x | 1.39x | 1.44x | 1.31x |", RULES,
                        "| 10000000 | 0 | fixed | 3.38 ms | 2.28 ms (1.4x) |", "1.4x"),
                new Quoted(FINDINGS, "| 10 000 000 | default | 1.33x | 1.4x | 1.47x | 1.23x |", RULES,
                        "| 10000000 | 0 | adaptive | 3.38 ms | 2.54 ms (1.33x) |", "1.33x"),
                // the prose around the table: other checks of the same evening
                new Quoted("docs/strategies.md", "1.11× `sequential` against the fixed rule's 1.34×", PSHARED_EARLIER,
                        "| 10000000 | 0 | adaptive | 3.4 ms | 3.05 ms (1.11x) |", "1.11"),
                new Quoted(README, "stays at least 0.92× `sequential` at every size from 10 to 10 000 000", RULES,
                        "| 1000 | 0 | adaptive | 245 ns | 261 ns (0.92x) |", "0.92"),
                new Quoted(FINDINGS, "Every default cell is at least 0.92× `sequential`", RULES,
                        "| 1000 | 0 | adaptive | 245 ns | 261 ns (0.92x) |", "0.92"),
                new Quoted(FINDINGS, "had fork-join's default at 1.24× against the fixed rule's 1.13×", RULES_EARLIER,
                        "| 10000000 | 0 | fixed | 3.44 ms | 2.96 ms (1.13x) |", "1.13"),
                new Quoted(FINDINGS, "had fork-join's default at 1.24× against the fixed rule's 1.13×", RULES_EARLIER,
                        "| 10000000 | 0 | adaptive | 3.44 ms | 2.75 ms (1.24x) |", "1.24"),
                new Quoted(FINDINGS, "and 0.967× in the earlier check above", RULES_EARLIER,
                        "| 2.97 ms (1.38x) | 3.56 ms (0.967x) |", "0.967"),
                new Quoted(FINDINGS, "1.11× against 1.34×", PSHARED_EARLIER,
                        "| 10000000 | 0 | fixed | 3.4 ms | 2.66 ms (1.34x) |", "1.34"),
                new Quoted(FINDINGS, "1.11× against 1.34×", PSHARED_EARLIER,
                        "| 10000000 | 0 | adaptive | 3.4 ms | 3.05 ms (1.11x) |", "1.11"),
                new Quoted(FINDINGS, "1.28× against 1.72× and 1.25× against 1.43×", PROCESSES_FIRST,
                        "| 10000000 | 0 | fixed | 2.98 ms | 63.5 ms (0.047x) | 1.83 ms (1.72x) |", "1.72"),
                new Quoted(FINDINGS, "1.28× against 1.72× and 1.25× against 1.43×", PROCESSES_FIRST,
                        "| 10000000 | 0 | adaptive | 2.98 ms | 3.01 ms (1.04x) | 2.29 ms (1.28x) |", "1.28"),
                new Quoted(FINDINGS, "splits 10 000 000 elements, 1.25×, against the fixed rule's 1.43×", PROCESSES,
                        "| 10000000 | 0 | fixed | 3.81 ms | 79.1 ms (0.0422x) | 2.64 ms (1.43x) |", "1.43"),
                new Quoted(FINDINGS, "splits 10 000 000 elements, 1.25×, against the fixed rule's 1.43×", PROCESSES,
                        "| 10000000 | 0 | adaptive | 3.81 ms | 3.55 ms (0.976x) | 3.01 ms (1.25x) |", "1.25"),
                new Quoted(FINDINGS, "0.889× in the first check", PROCESSES_FIRST,
                        "| 10 | 0 | adaptive | 8.33 ns | 8.57 ns (0.933x) | 10 ns (0.889x) |", "0.889"),
                new Quoted(FINDINGS, "(0.976× to 1.11× in the second check)", PROCESSES,
                        "| 10 | 0 | adaptive | 10 ns | 9.31 ns (1.11x) |", "1.11"),
                new Quoted(FINDINGS, "0.0252× at 262 144", PROCESSES,
                        "| 262144 | 0 | fixed | 77 µs | 3.08 ms (0.0252x) |", "0.0252"),
                new Quoted(FINDINGS, "0.0422× at 10 000 000", PROCESSES,
                        "| 10000000 | 0 | fixed | 3.81 ms | 79.1 ms (0.0422x) |", "0.0422"),
                new Quoted(FINDINGS, "`sequential` at 10 elements: 40 ns in the last check with", DEFAULT_EVENING,
                        "| 10 | 0 | 40 ns |", "40 ns"),
                new Quoted(FINDINGS, "at 1 000: 291 ns, and 276 and 245 ns in the two checks here", DEFAULT_EVENING,
                        "| 1000 | 0 | 291 ns |", "291 ns"),
                new Quoted(FINDINGS, "at 1 000: 291 ns, and 276 and 245 ns in the two checks here", RULES_EARLIER,
                        "| 1000 | 0 | fixed | 276 ns |", "276 ns"),
                new Quoted(FINDINGS, "at 1 000: 291 ns, and 276 and 245 ns in the two checks here", RULES,
                        "| 1000 | 0 | fixed | 245 ns |", "245 ns"),
                new Quoted(FINDINGS, "took 2.98 to 3.81 ms in these checks", PROCESSES_FIRST,
                        "| 10000000 | 0 | fixed | 2.98 ms |", "2.98 ms"),
                new Quoted(FINDINGS, "took 2.98 to 3.81 ms in these checks", PROCESSES,
                        "| 10000000 | 0 | fixed | 3.81 ms |", "3.81 ms"),
                new Quoted(FINDINGS, "the thread pool's default gains **1.41× [1.26, 1.59]**", FINE_SWEEP_MD,
                        "| 4,194,304 | hot | 1.41× [1.26, 1.59] | 1.01× [0.927, 1.10] | 1.28× [1.13, 1.45] |", "1.41×"),
                new Quoted(FINDINGS, "at ≈ 1 130 199 [≤ 65 536, 2 439 486]", FINE_SWEEP_MD,
                        "| thread-pool | default | hot | 2 | ≈ 1,130,199 | [≤ 65,536, 2,439,486] |", "1 130 199"),
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
