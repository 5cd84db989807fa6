package dev.sumbench.suite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of a script under {@code scripts/} with bash: its exit code and its stdout and stderr together. */
record ScriptRun(int exitCode, String output) {

    /** Runs {@code scripts/<name>} with {@code args}; it must answer within 30 s (what it refuses, or a run of seconds). */
    static ScriptRun of(String name, String... args) throws IOException, InterruptedException {
        return of(name, Map.of(), args);
    }

    /** Like {@link #of(String, String...)}, with {@code env} added to the script's environment. */
    static ScriptRun of(String name, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return at(Path.of("scripts", name), env, args);
    }

    /** Like {@link #of(String, Map, String...)}, for the script at {@code script} (a copy in a test's directory). */
    static ScriptRun at(Path script, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the script answers at once");
        return new ScriptRun(process.exitValue(), output);
    }
}
