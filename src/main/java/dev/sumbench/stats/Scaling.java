package dev.sumbench.stats;

/** Scalability figures derived from a speedup. Pure functions. */
public final class Scaling {

    private Scaling() {
    }

    /**
     * The Karp–Flatt metric: the experimentally determined serial fraction {@code e = (1/S - 1/p) / (1 - 1/p)} of a
     * computation with speedup {@code S} on {@code p} processors. 0 is perfect scaling; a fraction that grows with
     * {@code p} points at overhead (hand-off, communication) rather than at serial code. Undefined ({@link Double#NaN})
     * for {@code p < 2}.
     */
    public static double karpFlattSerialFraction(double speedup, int processors) {
        if (processors < 2 || !(speedup > 0)) {
            return Double.NaN;
        }
        double p = processors;
        return (1 / speedup - 1 / p) / (1 - 1 / p);
    }

    /** Parallel efficiency: speedup ÷ processors (1 is ideal). */
    public static double efficiency(double speedup, int processors) {
        return processors < 1 ? Double.NaN : speedup / processors;
    }
}
