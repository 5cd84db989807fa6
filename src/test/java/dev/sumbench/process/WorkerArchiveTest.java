package dev.sumbench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.sum.ChunkPlan;
import dev.sumbench.sum.Data;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional class-data archive: made and checked for a jar, used only where it belongs to the class path. */
class WorkerArchiveTest {

    @Test
    void theArchiveOfAJarIsMadeCheckedAndUsedByItsWorkers(@TempDir Path directory) throws Exception {
        Path jar = workerJar(directory.resolve("workers.jar"));
        Path archive = WorkerArchive.create(jar);
        assertEquals(directory.resolve("workers-worker-" + System.getProperty("java.vm.version").replaceAll(
                "[^A-Za-z0-9._-]", "_") + ".jsa"), archive);
        assertTrue(Files.size(archive) > 0);
        assertEquals(List.of(archive.getFileName()), Files.list(directory).map(Path::getFileName)
                .filter(name -> name.toString().endsWith(".jsa") || name.toString().endsWith(".tmp")).toList(),
                "no temporary file left");
        assertEquals(Optional.of(archive), WorkerArchive.usableFor(jar.toString()));

        // -Xshare:on: the worker fails to start unless it really maps the archive.
        WorkerLauncher strict = WorkerLauncher.defaults().withClassPath(jar.toString())
                .withJvmOptions(WorkerArchive.withArchive(WorkerLauncher.DEFAULT_JVM_OPTIONS, archive, "-Xshare:on"));
        try (ProcessPool pool = ProcessPool.start(1, strict)) {
            assertEquals(55, pool.sumValues(Data.oneTo(10), ChunkPlan.byCount(0, 10, 1)));
        }
    }

    @Test
    void anArchiveIsUsedOnlyForASingleJarNotOlderThanIt(@TempDir Path directory) throws IOException {
        Path jar = Files.writeString(directory.resolve("app.jar"), "not really a jar");
        Path archive = WorkerArchive.archiveFor(jar);
        Files.writeString(WorkerArchive.archiveFor(jar, "17.0.1+12-another-build"), "another JVM's archive");
        assertEquals(Optional.empty(), WorkerArchive.usableFor(jar.toString()), "no archive of this JVM yet");
        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2024-01-01T00:00:01Z")));
        assertEquals(Optional.of(archive), WorkerArchive.usableFor(jar.toString()));
        assertEquals(Optional.empty(), WorkerArchive.usableFor(jar + java.io.File.pathSeparator + directory),
                "a class path of several entries");
        assertEquals(Optional.empty(), WorkerArchive.usableFor(directory.toString()), "a directory");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2024-01-02T00:00:00Z")));
        assertEquals(Optional.empty(), WorkerArchive.usableFor(jar.toString()), "a jar rebuilt after its archive");
    }

    @Test
    void eachJvmBuildHasItsOwnArchiveNamedInSafeCharacters() {
        Path jar = Path.of("/x/sumbench.jar");
        assertEquals(Path.of("/x/sumbench-worker-17.0.15_6-Debian-1deb12u1.jsa"),
                WorkerArchive.archiveFor(jar, "17.0.15+6-Debian-1deb12u1"));
        assertEquals(Path.of("/x/sumbench-worker-25.0.3_9-LTS.jsa"), WorkerArchive.archiveFor(jar, "25.0.3+9-LTS"));
        assertEquals(Path.of("/x/sumbench-worker-_.._x.jsa"), WorkerArchive.archiveFor(jar, "/../x"),
                "no separator reaches the name");
    }

    @Test
    void theBareJvmBaselineNeverUsesTheWorkersArchive() {
        WorkerLauncher withArchive = WorkerLauncher.defaults().withJvmOptions(WorkerArchive.withArchive(
                WorkerLauncher.DEFAULT_JVM_OPTIONS, Path.of("/x/app-worker.jsa"), "-Xshare:auto"));
        assertTrue(withArchive.usesArchive());
        assertTrue(withArchive.command(0).contains("-XX:SharedArchiveFile=/x/app-worker.jsa"));
        assertFalse(withArchive.bareCommand().stream().anyMatch(option -> option.startsWith("-XX:SharedArchiveFile")));
        assertEquals(BareJvm.class.getName(), withArchive.bareCommand().get(withArchive.bareCommand().size() - 1));
    }

    /** A jar of just the classes a worker process loads. */
    private static Path workerJar(Path jar) throws IOException {
        Path classes = Path.of(Worker.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Class<?> type : List.of(Worker.class, Protocol.class, BareJvm.class,
                    dev.sumbench.files.InputFiles.class, dev.sumbench.files.RefusedFileException.class)) {
                String prefix = type.getName().replace('.', '/');
                try (var entries = Files.list(classes.resolve(prefix).getParent())) {
                    for (Path entry : entries.filter(p -> p.getFileName().toString().startsWith(
                            type.getSimpleName() + ".") || p.getFileName().toString().startsWith(
                            type.getSimpleName() + "$")).toList()) {
                        out.putNextEntry(new JarEntry(classes.relativize(entry).toString().replace('\\', '/')));
                        out.write(Files.readAllBytes(entry));
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }
}
