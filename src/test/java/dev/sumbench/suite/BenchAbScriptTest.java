package dev.sumbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/bench-ab} as a user runs it, up to its dry run or its refusal (a real run is AbRunTest's): the script
 * is copied beside an empty {@code target/sumbench.jar} (so that it builds nothing), and {@code JAVA} starts
 * BenchMain from the classes this build compiled.
 */
class BenchAbScriptTest {

    /** One trial, so that every probe and plan is quick. */
    private static final List<String> ONE_TRIAL = List.of("--include", "LayoutBenchmark.array", "--dry-run");

    @TempDir
    Path root;

    private Path script;
    private Map<String, String> env;

    @BeforeEach
    void copyTheScriptBesideAJar() throws IOException {
        script = root.resolve("scripts/bench-ab");
        Files.createDirectories(script.getParent());
        Files.copy(Path.of("scripts/bench-ab"), script, StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(root.resolve("target"));
        Files.createFile(root.resolve("target/sumbench.jar"));
        Path java = executable("java", "[ \"$1\" = -cp ] && shift 2\nexec '" + ForkJvm.currentExecutable() + "' -cp '"
                + System.getProperty("java.class.path") + "' \"$@\"");
        env = Map.of("JAVA", java.toString());
    }

    @Test
    void anEmptyVariantIsThisJvmBesideAnotherEmptyOneOrOneWithOptions() throws Exception {
        for (List<String> variants : List.of(List.of("", ""), List.of("", "::-Xmx1g"))) {
            ScriptRun run = benchAb(variants.get(0), variants.get(1));

            assertEquals(0, run.exitCode(), run.output());
            assertTrue(run.output().contains("sumbench: A = :: (JDK " + Runtime.version().feature() + ", "
                    + ForkJvm.currentExecutable() + "): 1 trial"), run.output());
            assertTrue(run.output().contains("sumbench: B = " + (variants.get(1).isEmpty() ? "::" : "::-Xmx1g")),
                    run.output());
        }
    }

    @Test
    void aJvmOptionTheJvmRefusesIsReportedInTheJvmsOwnWords() throws Exception {
        ScriptRun run = benchAb("::", "::-XX:+Bogus");

        assertEquals(2, run.exitCode(), run.output());
        assertEquals(List.of("sumbench: bench-ab variant B (::-XX:+Bogus): " + ForkJvm.currentExecutable()
                + " cannot run the benchmarks (exit code 1): Unrecognized VM option 'Bogus'"), run.output().lines()
                .toList());
    }

    @Test
    void aJavaThatPrintsWithoutEndIsStoppedAtOneMebibyteInOneLine() throws Exception {
        Path yes = executable("yes-java", "exec yes");

        ScriptRun run = benchAb(yes.toString(), "::");

        assertEquals(2, run.exitCode(), run.output());
        assertEquals(List.of("sumbench: bench-ab variant A (" + yes + "): " + yes + " wrote more than 1 MiB to stdout;"
                + " stopped"), run.output().lines().toList());
    }

    @Test
    void anOptionOfBenchAbAfterTheDashesIsNamedAsTyped() throws Exception {
        ScriptRun run = benchAb("::", "::", "--", "-f", "3", "--dry-run");

        assertEquals(2, run.exitCode(), run.output());
        assertEquals(List.of("sumbench: bench-ab: JMH option '--dry-run': dry-run is not a recognized option; "
                + "bench-ab's own options go before --"), run.output().lines().toList());
    }

    @Test
    void anAbsurdNumberOfRoundsIsRefused() throws Exception {
        ScriptRun run = benchAb("::", "::", "--rounds", "2147483647");

        assertEquals(2, run.exitCode(), run.output());
        assertEquals(List.of("sumbench: bench-ab: --rounds must be 1 to 1000, got 2147483647"),
                run.output().lines().toList());
    }

    private ScriptRun benchAb(String a, String b, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(a, b, "--results", root.resolve("results").toString()));
        args.addAll(ONE_TRIAL);
        List<String> rest = List.of(more);
        int dashes = rest.indexOf("--");
        args.addAll(dashes < 0 ? rest : rest.subList(0, dashes));
        args.addAll(List.of("--", "-p", "size=1000", "-p", "strategy=sequential"));
        if (dashes >= 0) {
            args.addAll(rest.subList(dashes + 1, rest.size()));
        }
        ScriptRun run = ScriptRun.at(script, env, args.toArray(String[]::new));
        assertTrue(Files.notExists(root.resolve("results")), "nothing written");
        return run;
    }

    private Path executable(String name, String body) throws IOException {
        Path file = root.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
