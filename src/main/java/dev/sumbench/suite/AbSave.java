package dev.sumbench.suite;

import dev.sumbench.files.OutputFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Saves the files of both runs of an A/B round as one unit: a reader finds every file of the round before or every
 * file of the round after, once {@link #recover} has run (the next A/B run does it before its first round).
 */
final class AbSave {

    /*
     * Implementation notes. Six files (A's and B's .json, .csv, .meta.json) cannot be renamed at once, and a SIGKILL
     * can fall between any two renames. So a save is a small journal: (1) every file is written complete under a
     * hidden temporary name that names the writer, .<file>.sumbench-ab-<pid>-<start>.tmp; (2) a marker
     * .sumbench-ab-<pid>-<start>.commit is created: from that instant the new round is complete on disk; (3) the
     * temporaries are renamed over the files; (4) the marker is removed. A writer killed before (2) leaves only
     * temporaries: recover() removes them, and the files hold the previous round. A writer killed after (2) leaves
     * the marker and the temporaries not yet renamed: recover() renames them, and the files hold the new round.
     * recover() touches only entries of a writer that is dead (pid and start time, so a reused pid is not mistaken
     * for it), regular files owned by this user, never a link. Rejected: a reader-side rule (which rounds of two
     * runs are complete) in every reader of runs, and one file for both runs (the runs are ordinary runs that every
     * command reads alone).
     */

    private static final String TAG = "sumbench-ab-";
    private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)\\." + TAG + "(\\d{1,18})-(\\d{1,18})\\.tmp");
    private static final Pattern MARKER = Pattern.compile("\\." + TAG + "(\\d{1,18})-(\\d{1,18})\\.commit");

    private AbSave() {
    }

    /**
     * Writes {@code files} (all in one directory) as one unit, in the map's order.
     *
     * @throws IOException if a file cannot be written; before the commit nothing has changed then
     */
    static void save(Map<Path, byte[]> files) throws IOException {
        OutputFiles.check(files.keySet(), List.of());
        Path dir = files.keySet().iterator().next().toAbsolutePath().getParent();
        String writer = writer(ProcessHandle.current());
        Map<Path, Path> temporaries = new java.util.LinkedHashMap<>();
        Path marker = dir.resolve("." + writer + ".commit");
        boolean committed = false;
        try {
            for (Map.Entry<Path, byte[]> file : files.entrySet()) {
                Path temporary = dir.resolve("." + file.getKey().getFileName() + "." + writer + ".tmp");
                temporaries.put(temporary, file.getKey());
                try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    out.write(file.getValue());
                }
                Files.setPosixFilePermissions(temporary, OutputFiles.MODE);
            }
            Files.createFile(marker);
            committed = true;
            for (Map.Entry<Path, Path> move : temporaries.entrySet()) {
                rename(move.getKey(), move.getValue());
            }
            Files.delete(marker);
        } finally {
            if (!committed) {
                for (Path temporary : temporaries.keySet()) {
                    Files.deleteIfExists(temporary);
                }
            }
        }
    }

    /**
     * Finishes or undoes the saves in {@code dir} that a killed A/B run left half done (see the notes above);
     * returns one line per writer about what it did.
     */
    static List<String> recover(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        Map<String, List<Path>> temporariesByWriter = new TreeMap<>();
        Map<String, Path> markers = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                Matcher temporary = TEMPORARY.matcher(name);
                Matcher marker = MARKER.matcher(name);
                if (temporary.matches() && ours(entry, me) && dead(temporary.group(2), temporary.group(3))) {
                    temporariesByWriter.computeIfAbsent(temporary.group(2) + "-" + temporary.group(3),
                            k -> new ArrayList<>()).add(entry);
                } else if (marker.matches() && ours(entry, me) && dead(marker.group(1), marker.group(2))) {
                    markers.put(marker.group(1) + "-" + marker.group(2), entry);
                }
            }
        }
        List<String> done = new ArrayList<>();
        for (Map.Entry<String, Path> marker : markers.entrySet()) {
            List<Path> temporaries = temporariesByWriter.getOrDefault(marker.getKey(), List.of());
            for (Path temporary : temporaries) {
                Matcher m = TEMPORARY.matcher(temporary.getFileName().toString());
                if (m.matches()) {
                    Path target = dir.resolve(m.group(1));
                    OutputFiles.check(List.of(target), List.of());
                    rename(temporary, target);
                }
            }
            Files.delete(marker.getValue());
            temporariesByWriter.remove(marker.getKey());
            done.add("finished the save of a round that a killed A/B run (pid " + pid(marker.getKey()) + ") left "
                    + "half done in " + dir + " (" + temporaries.size() + " of its files renamed now)");
        }
        for (Map.Entry<String, List<Path>> writer : temporariesByWriter.entrySet()) {
            for (Path temporary : writer.getValue()) {
                Files.deleteIfExists(temporary);
            }
            done.add("removed " + writer.getValue().size() + " temporary files of a round that a killed A/B run (pid "
                    + pid(writer.getKey()) + ") had not saved in " + dir + "; its runs hold the rounds before");
        }
        return done;
    }

    /** {@code sumbench-ab-<pid>-<start in ms>}: names a process for as long as the machine runs. */
    static String writer(ProcessHandle process) {
        return TAG + process.pid() + "-" + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static boolean dead(String pid, String start) {
        return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive)
                .map(p -> !writer(p).equals(TAG + pid + "-" + start)).orElse(true);
    }

    private static boolean ours(Path entry, UserPrincipal me) throws IOException {
        return Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                && Files.getOwner(entry, LinkOption.NOFOLLOW_LINKS).equals(me);
    }

    private static String pid(String writer) {
        return writer.substring(0, writer.indexOf('-'));
    }

    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
