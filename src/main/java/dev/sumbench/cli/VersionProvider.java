package dev.sumbench.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: sumbench's version and the running JVM. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "sumbench " + (version == null ? "(development build)" : version),
            "JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version()
        };
    }
}
