package dev.sumbench.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What must not outlive this JVM: pools whose children must be killed and shared-data files that must be deleted when
 * the JVM exits without closing them (a normal exit, {@code System.exit}, Ctrl-C). One shutdown hook serves all.
 * {@code kill -9} of the JVM runs no hook: then the children exit because their stdin ends, and a file left behind is
 * removed by the next {@link SharedData} of any JVM ({@link SharedDirectory#removeStale}).
 */
final class Cleanup {

    private static final Set<ProcessPool> POOLS = ConcurrentHashMap.newKeySet();
    private static final Set<Path> PATHS = ConcurrentHashMap.newKeySet();

    private Cleanup() {
    }

    /** The hook, installed with the first registration. */
    private static final class Hook {
        private static final boolean INSTALLED = addHook();

        private static boolean addHook() {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::runAtExit, "sumbench-process-cleanup"));
                return true;
            } catch (IllegalStateException e) {
                return false; // the JVM is already exiting: close() is the only cleanup left
            }
        }

        /** Loads this class, which installs the hook; false if the JVM was already exiting. */
        static boolean install() {
            return INSTALLED;
        }
    }

    static void register(ProcessPool pool) {
        Hook.install();
        POOLS.add(pool);
    }

    static void unregister(ProcessPool pool) {
        POOLS.remove(pool);
    }

    /** A file or directory to delete at exit (a directory with its files). */
    static void register(Path path) {
        Hook.install();
        PATHS.add(path);
    }

    static void unregister(Path path) {
        PATHS.remove(path);
    }

    private static void runAtExit() {
        for (ProcessPool pool : POOLS) {
            pool.killAtExit();
        }
        for (Path path : PATHS) {
            try {
                SharedDirectory.removeOwn(path);
            } catch (IOException | RuntimeException e) {
                // the next SharedData removes it as stale
            }
        }
    }
}
