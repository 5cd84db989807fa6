package dev.sumbench.process;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link ProcessPool} starts its child JVMs: the parent's own {@code java} executable and class path, the worker
 * JVM options, the main class, and how long a child may take to say hello. {@link #defaults()} is what the strategies
 * use; the {@code with...} methods exist for tests and experiments.
 *
 * @param java         the {@code java} executable
 * @param classPath    the class path, as one string with {@link File#pathSeparator}
 * @param jvmOptions   options before the main class
 * @param mainClass    the class whose {@code main} runs in the child ({@link Worker})
 * @param startTimeout how long {@link ProcessPool#start} waits for every child's hello
 */
public record WorkerLauncher(Path java, String classPath, List<String> jvmOptions, String mainClass,
                             Duration startTimeout) {

    /*
     * Implementation notes on the worker options (JDK 17, measured as CPU time per start of an empty main, repeated
     * and interleaved on a loaded 2-core machine, so rough):
     *  - the default GC (G1) stays. -XX:+UseSerialGC costs about 50% more CPU at start on JDK 17 (and ParallelGC as
     *    much): the heap objects archived in the JDK's default CDS archive can only be used with G1 there, so the
     *    other collectors rebuild the module graph at every start. Summing allocates nothing, so GC does not matter.
     *  - -Xshare:auto (the default, spelled out): with -Xshare:off a start took about twice the CPU.
     *  - -XX:TieredStopAtLevel=1 saves little at start and makes the sum loop several times slower (C1 code): rejected.
     *  - -XX:-UsePerfData: no hsperfdata file per child in the temp dir (a killed child would leave one behind), and a
     *    little less start-up work.
     *  - -Xmx64m: the worker needs two MiB of direct buffers and almost no heap; a small heap keeps a pool of many
     *    workers from reserving a quarter of the machine each.
     *  - -XX:+DisplayVMOutputToStderr and -Xlog:disable -Xlog:all=warning:stderr: stdout carries frames only, so the
     *    VM's own messages and unified-logging warnings must go to stderr.
     *  - -XX:+ErrorFileToStderr: a worker that crashes writes its fatal error report to stderr, where the pool keeps
     *    its tail for the BrokenPoolException, instead of leaving an hs_err_pid file in the working or temp directory.
     * Inside the worker, what it does before its hello is chosen the same way (see Worker's notes).
     *
     * Class-data sharing of our own classes: when the class path is the shaded jar and the build made its archive
     * (WorkerArchive), -XX:SharedArchiveFile adds it. Measured the same way, a worker started from the shaded jar
     * costs about 15% more CPU than a bare JVM from that jar without the archive, and about 20% less with it (opening
     * an 8 MB jar of ~5000 entries is itself a good part of a bare start).
     */

    /** The options every worker JVM gets: see the implementation notes for the reasons. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xshare:auto", "-XX:-UsePerfData", "-Xmx64m",
            "-XX:+DisplayVMOutputToStderr", "-XX:+ErrorFileToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr");

    /**
     * How long a child may take to say hello. A JVM starts in well under a second on an idle machine, but a loaded
     * 2-core build machine running several JVMs at once has taken several seconds; a child that has exited is reported
     * at once, whatever this says.
     */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(30);

    public WorkerLauncher {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(classPath, "classPath");
        jvmOptions = List.copyOf(jvmOptions);
        Objects.requireNonNull(mainClass, "mainClass");
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
        }
    }

    /**
     * The parent's own {@code java}, its class path (entries made absolute), the default options (plus the worker's
     * class-data archive when the class path is a jar that has one, see {@link WorkerArchive}), {@link Worker}.
     */
    public static WorkerLauncher defaults() {
        String classPath = absoluteClassPath(System.getProperty("java.class.path", ""));
        List<String> options = WorkerArchive.usableFor(classPath)
                .map(archive -> WorkerArchive.withArchive(DEFAULT_JVM_OPTIONS, archive, "-Xshare:auto"))
                .orElse(DEFAULT_JVM_OPTIONS);
        return new WorkerLauncher(currentJava(), classPath, options, Worker.class.getName(), DEFAULT_START_TIMEOUT);
    }

    /** The {@code java} executable of the running JVM. */
    public static Path currentJava() {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    public WorkerLauncher withClassPath(String newClassPath) {
        return new WorkerLauncher(java, newClassPath, jvmOptions, mainClass, startTimeout);
    }

    public WorkerLauncher withJvmOptions(List<String> newJvmOptions) {
        return new WorkerLauncher(java, classPath, newJvmOptions, mainClass, startTimeout);
    }

    public WorkerLauncher withMainClass(String newMainClass) {
        return new WorkerLauncher(java, classPath, jvmOptions, newMainClass, startTimeout);
    }

    public WorkerLauncher withStartTimeout(Duration newStartTimeout) {
        return new WorkerLauncher(java, classPath, jvmOptions, mainClass, newStartTimeout);
    }

    /** These options added after the current ones (a later option wins in the JVM). */
    public WorkerLauncher withExtraJvmOptions(List<String> extra) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(extra);
        return new WorkerLauncher(java, classPath, options, mainClass, startTimeout);
    }

    /** The command line of worker {@code index} (the index is only a label that shows in {@code ps}). */
    public List<String> command(int index) {
        return command(mainClass, List.of(Integer.toString(index)));
    }

    /**
     * The command line of a JVM with the same executable, options and class path that runs an empty main: the start-up
     * baseline. Without the workers' class-data archive, if they have one: the baseline is the JVM's own start.
     */
    public List<String> bareCommand() {
        List<String> options = jvmOptions.stream().filter(option -> !option.startsWith(SHARED_ARCHIVE_OPTION)).toList();
        return command(options, BareJvm.class.getName(), List.of());
    }

    /** Whether the workers start with a class-data archive of their own. */
    public boolean usesArchive() {
        return jvmOptions.stream().anyMatch(option -> option.startsWith(SHARED_ARCHIVE_OPTION));
    }

    private static final String SHARED_ARCHIVE_OPTION = "-XX:SharedArchiveFile=";

    private List<String> command(String main, List<String> args) {
        return command(jvmOptions, main, args);
    }

    private List<String> command(List<String> options, String main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options);
        command.add("-cp");
        command.add(classPath);
        command.add(main);
        command.addAll(args);
        return command;
    }

    /** {@code classPath} with every relative entry resolved against the working directory. */
    static String absoluteClassPath(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator, -1)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
