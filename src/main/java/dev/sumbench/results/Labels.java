package dev.sumbench.results;

/** Names as JMH writes them, made uniform across JMH versions. */
final class Labels {

    /** JMH 1.36 and older prefix profiler labels with a middle dot ({@code ·gc.alloc.rate}); 1.37 does not. */
    private static final char OLD_PROFILER_PREFIX = '\u00B7';

    private Labels() {
    }

    /** A secondary metric's label without JMH's old {@code ·} prefix: {@code gc.alloc.rate.norm}. */
    static String secondary(String label) {
        String stripped = label.strip();
        return !stripped.isEmpty() && stripped.charAt(0) == OLD_PROFILER_PREFIX ? stripped.substring(1) : stripped;
    }
}
