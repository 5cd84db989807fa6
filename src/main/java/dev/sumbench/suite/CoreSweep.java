package dev.sumbench.suite;

import dev.sumbench.core.BadInputException;
import dev.sumbench.core.ExitCodes;
import dev.sumbench.results.RunMeta;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.Options;

/**
 * {@code scripts/bench-cores}: the suite once per core count, each under {@code taskset -c} on the first k CPUs this
 * process may use, merged into one run in which every row carries its {@code cores} param.
 */
final class CoreSweep {

    /*
     * Implementation notes. taskset restricts a process and everything it starts, so each count runs a whole child
     * BenchMain under it: its probe sees k CPUs, so its plan gives workers = k and threads = 1..k, and its JMH forks
     * inherit the affinity (the benchmarks check availableProcessors() == cores). The child saves its RunResults
     * (Java serialisation: the same JMH classes on both sides) instead of publishing a run; this process merges them
     * and writes the JSON and CSV through JMH's own result formats, as for a plain run. A count that fails ends the
     * sweep; the counts measured before it are still published, with coreCounts saying which they are, and the exit
     * code is 1. The CPUs are the first k of this process's own affinity (Cpus_allowed_list), not 0..k-1 blindly, so
     * a sweep also works inside a container pinned to other CPUs.
     */

    private static final String CHILD_JMH_LOCK_PROPERTY = "jmh.ignoreLock";
    private static final Pattern CPUS_ALLOWED = Pattern.compile("(?m)^Cpus_allowed_list:\\s*(\\S+)");
    /** taskset answers --version at once. */
    private static final Duration TOOL_DEADLINE = Duration.ofSeconds(20);

    private final BenchRequest request;
    private final PrintWriter out;
    private final PrintWriter err;

    CoreSweep(BenchRequest request, PrintWriter out, PrintWriter err) {
        this.request = request;
        this.out = out;
        this.err = err;
    }

    int run() throws IOException, InterruptedException {
        Options user = Suite.parseJmhOptions(request.jmhArgs());
        if (user.getParameter(BenchParams.CORES).hasValue()) {
            throw new BadInputException("-p cores is set by the core sweep; give the counts instead");
        }
        List<Integer> allowed = allowedCpus();
        List<Integer> counts = counts(request.coreCounts(), allowed.size());
        requireTaskset();
        String executable = Suite.forkExecutable(request, user);
        SortedSet<BenchmarkListEntry> selected = Suite.select(user, request.include());
        ForkJvm jvm = ForkJvm.probe(executable, Suite.classPath(), Suite.jvmSource(request, user));
        Suite.checkUserParams(user, jvm);
        Duration estimate = Duration.ZERO;
        for (int k : counts) {
            ForkJvm pinned = new ForkJvm(jvm.executable(), jvm.version(), jvm.vendor(), jvm.feature(), jvm.home(), k,
                    jvm.strategies(), jvm.os(), jvm.memoryBytes());
            estimate = estimate.plus(Plan.make(selected, user, Suite.settings(request, executable), pinned).estimate());
        }
        out.println("sumbench: core sweep over " + counts + " on CPUs " + CpuList.format(allowed) + "; about "
                + Suite.roughly(estimate));
        out.flush();
        if (request.dryRun()) {
            return ExitCodes.OK;
        }
        ZonedDateTime start = ZonedDateTime.now();
        Path work = Files.createTempDirectory("sumbench-sweep-");
        try {
            List<RunResult> results = new ArrayList<>();
            List<Integer> done = new ArrayList<>();
            boolean allOk = true;
            for (int k : counts) {
                Path raw = work.resolve("cores-" + k + ".ser");
                out.println("sumbench: cores = " + k + " (taskset -c " + CpuList.format(allowed.subList(0, k)) + ")");
                out.flush();
                int exitCode = runCount(k, allowed.subList(0, k), raw);
                if (Files.exists(raw)) {
                    results.addAll(RunFiles.loadRaw(raw));
                    done.add(k);
                }
                if (exitCode != ExitCodes.OK) {
                    allOk = false;
                    err.println("sumbench: cores = " + k + " failed (exit code " + exitCode + ")"
                            + (Files.exists(raw) ? "; its measured rows are kept" : "") + "; the sweep stops here");
                    err.flush();
                    break;
                }
            }
            if (results.isEmpty()) {
                err.println("sumbench: no core count produced a result; nothing was written");
                err.flush();
                return ExitCodes.FAILURE;
            }
            int largest = done.stream().max(Integer::compare).orElseThrow();
            RunMeta meta = Suite.meta(start, jvm, largest, Suite.jmhArgsOfRecord(request, user, executable), done);
            RunFiles.Published run = RunFiles.publishOrRescue(request.results(), RunFiles.stem(start, Machine.host(),
                    jvm.feature()), results, meta);
            Suite.printPublished(run, out);
            boolean tablesOk = RunRenderer.render(run, out, err);
            return allOk && tablesOk ? ExitCodes.OK : ExitCodes.FAILURE;
        } finally {
            deleteTree(work);
        }
    }

    /** Runs one count as a child BenchMain under taskset, its output on ours; kills it if this JVM is stopped. */
    private int runCount(int k, List<Integer> cpus, Path raw) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("taskset", "-c", CpuList.format(cpus),
                ForkJvm.currentExecutable()));
        String lock = System.getProperty(CHILD_JMH_LOCK_PROPERTY);
        if (lock != null) {
            command.add("-D" + CHILD_JMH_LOCK_PROPERTY + "=" + lock);
        }
        command.addAll(List.of("-cp", Suite.classPath(), BenchMain.class.getName(),
                "--raw-out=" + raw, "--results=" + request.results(), "--quick=" + request.quick()));
        if (request.include() != null) {
            command.add("--include=" + request.include());
        }
        if (request.jvm() != null) {
            command.add("--jvm=" + request.jvm());
        }
        command.add("--");
        command.addAll(request.jmhArgs());
        command.addAll(List.of("-p", BenchParams.CORES + "=" + k));
        Process child = new ProcessBuilder(command).inheritIO().start();
        Thread killOnExit = new Thread(child::destroyForcibly, "sumbench-sweep-child-killer");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        try {
            return child.waitFor();
        } finally {
            child.destroyForcibly();
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        }
    }

    /**
     * The counts of {@code spec} ({@code 1,2,4} or {@code 1-4}; empty or null: 1..allowed), each 1..allowed.
     *
     * @throws BadInputException if the spec is malformed or asks for more CPUs than allowed
     */
    static List<Integer> counts(String spec, int allowed) {
        if (spec == null || spec.isBlank()) {
            List<Integer> all = new ArrayList<>();
            for (int k = 1; k <= allowed; k++) {
                all.add(k);
            }
            return all;
        }
        List<Integer> counts;
        try {
            counts = new ArrayList<>(new LinkedHashSet<>(CpuList.parse(spec)));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("core counts must be like 1,2,4 or 1-4, got '" + spec + "'");
        }
        for (int k : counts) {
            if (k < 1 || k > allowed) {
                throw new BadInputException("core count " + k + " is not 1.." + allowed
                        + " (the CPUs this process may use)");
            }
        }
        return counts;
    }

    /** The CPUs this process may run on, in order. */
    static List<Integer> allowedCpus() {
        try {
            Matcher m = CPUS_ALLOWED.matcher(Files.readString(Path.of("/proc/self/status")));
            if (m.find()) {
                return CpuList.parse(m.group(1));
            }
        } catch (IOException | IllegalArgumentException e) {
            // fall through: no /proc
        }
        List<Integer> cpus = new ArrayList<>();
        for (int cpu = 0; cpu < Runtime.getRuntime().availableProcessors(); cpu++) {
            cpus.add(cpu);
        }
        return cpus;
    }

    private static void requireTaskset() {
        try {
            if (Processes.run(List.of("taskset", "--version"), null, TOOL_DEADLINE).ok()) {
                return;
            }
        } catch (IOException e) {
            // fall through
        }
        throw new BadInputException("a core sweep needs taskset (util-linux) on the PATH");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
