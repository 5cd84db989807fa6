package dev.sumbench.suite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * JMH's console output, passed on as the user asked for it ({@code -v}), with the first line that says why a fork
 * failed kept aside: the line after JMH's {@code <failure>} (the exception the benchmark threw), or the first line a
 * forked JVM that died wrote to stderr ({@code Unrecognized VM option ...}), else to stdout.
 */
final class ForkErrors extends OutputStream {

    /*
     * Implementation notes. JMH reports a failed fork only as text on its console: "<failure>", an empty line, then
     * the throwable; or "<forked VM failed with exit code N>" followed by <stdout ...> and <stderr ...> blocks of
     * the fork's last lines. So the text is scanned line by line. The scan sees JMH's NORMAL output even under
     * -v SILENT (then nothing is passed on), so the reason is known however quiet the run is. A line is kept up to
     * MAX_LINE bytes: the stream itself holds nothing else, whatever a benchmark prints.
     */

    /** Longer lines are cut: an error line worth showing is far shorter. */
    private static final int MAX_LINE = 4096;

    /** Where the scan is in JMH's report of a failure. */
    private enum Block { NONE, FAILURE, FORKED_VM, STDOUT, STDERR }

    private final OutputStream shown;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private Block block = Block.NONE;
    private String failure;
    private String stdoutLine;

    private ForkErrors(OutputStream shown) {
        this.shown = shown;
    }

    /** The longest error line quoted whole; JMH quotes whole command lines, class path included. */
    private static final int MAX_REASON = 300;

    /** {@code text} on one line, its middle left out when longer than {@link #MAX_REASON}: the cause comes last. */
    static String shortened(String text) {
        String line = text.replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= MAX_REASON ? line
                : line.substring(0, MAX_REASON / 3) + " [...] " + line.substring(line.length() - MAX_REASON / 2);
    }

    /** A JMH output format writing to {@code console} at {@code mode}, scanned by the returned instance. */
    static ForkErrors forConsole(PrintStream console, VerboseMode mode) {
        return new ForkErrors(mode == VerboseMode.SILENT ? OutputStream.nullOutputStream() : console);
    }

    /** The format JMH's runner writes to: at least NORMAL, so that failures are seen. */
    OutputFormat format(VerboseMode mode) {
        return OutputFormatFactory.createFormatInstance(new PrintStream(this, true, StandardCharsets.UTF_8),
                mode == VerboseMode.SILENT ? VerboseMode.NORMAL : mode);
    }

    /** The first line that said why a fork failed, or null when none did. */
    synchronized String first() {
        return failure != null ? failure : stdoutLine;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        shown.write(b);
        take(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        shown.write(bytes, offset, length);
        for (int i = offset; i < offset + length; i++) {
            take(bytes[i]);
        }
    }

    @Override
    public void flush() throws IOException {
        shown.flush();
    }

    private void take(int b) {
        if (b == '\n') {
            scan(line.toString(StandardCharsets.UTF_8).strip());
            line.reset();
        } else if (line.size() < MAX_LINE) {
            line.write(b);
        }
    }

    private void scan(String text) {
        boolean inForkedVm = block != Block.NONE && block != Block.FAILURE;
        if (failure != null) {
            return;
        }
        if (text.endsWith("<failure>")) {
            block = Block.FAILURE;
        } else if (text.startsWith("<forked VM failed")) {
            block = Block.FORKED_VM;
        } else if (inForkedVm && text.startsWith("<stdout")) {
            block = Block.STDOUT;
        } else if (inForkedVm && text.startsWith("<stderr")) {
            block = Block.STDERR;
        } else if (inForkedVm && text.startsWith("</")) {
            block = Block.FORKED_VM;
        } else if (!text.isEmpty() && !text.startsWith("Picked up ")) {
            if (block == Block.FAILURE || block == Block.STDERR) {
                failure = text;
            } else if (block == Block.STDOUT && stdoutLine == null) {
                stdoutLine = text;
            }
        }
    }
}
