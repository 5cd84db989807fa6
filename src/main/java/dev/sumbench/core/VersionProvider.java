package dev.sumbench.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;

/** {@code -V}/{@code --version} of every command: sumbench's version (the pom's) and the running JVM. */
public final class VersionProvider implements IVersionProvider {

    /* Implementation notes
     * The version comes from a resource that Maven filters from the pom (dev/sumbench/version.properties), so it is
     * there from target/classes in tests as well as in the shaded jar; the jar manifest's Implementation-Version is
     * the fallback. picocli asks a command's own versionProvider: without one a subcommand's -V printed nothing, so
     * install() gives it to every command of a tree that has none. */

    private static final String RESOURCE = "/dev/sumbench/version.properties";

    /** sumbench's version, e.g. {@code 0.1.0-SNAPSHOT}; {@code (development build)} when none is recorded. */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version", "");
                if (!version.isBlank() && !version.startsWith("${")) {
                    return version;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        String manifest = VersionProvider.class.getPackage().getImplementationVersion();
        return manifest == null ? "(development build)" : manifest;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "sumbench " + version(),
            "JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version()
        };
    }

    /** Gives {@code cli} and each of its subcommands, at any depth, this provider where they have none. */
    public static void install(CommandLine cli) {
        if (cli.getCommandSpec().versionProvider() == null) {
            cli.getCommandSpec().versionProvider(new VersionProvider());
        }
        cli.getSubcommands().values().forEach(VersionProvider::install);
    }
}
