package dev.sumbench.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini–Hochberg adjusted p-values ("q-values"): rejecting every hypothesis whose adjusted p is at most {@code q}
 * keeps the expected share of false rejections among all rejections (the false discovery rate) at or below {@code q}.
 */
public final class FalseDiscovery {

    /*
     * Implementation notes. Hand-written because Commons Math 3 has no multiple-comparison procedures; the step-up
     * rule is a few lines and FalseDiscoveryTest checks it against R's p.adjust(p, "BH"). BH, not Benjamini–Yekutieli:
     * BH needs independence or positive regression dependence (PRDS) of the test statistics. The rows of two runs
     * share the machine (a busy phase slows every row of a fork round alike), which makes one-sided statistics
     * positively dependent, the case BH covers; negative dependence, which would need BY's log(m) penalty, has no
     * mechanism here. BY would cost about a factor ln(50) + 0.58 = 4.5 in level at 50 rows, i.e. most of the power
     * at 5 forks. NaN p-values (rows without a test) are left NaN and do not count among the hypotheses.
     */

    private FalseDiscovery() {
    }

    /** The BH-adjusted p-values of {@code p}, in the same order; NaN stays NaN and is not counted. */
    public static double[] adjust(double[] p) {
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                order[m++] = i;
            }
        }
        Integer[] tested = Arrays.copyOf(order, m);
        Arrays.sort(tested, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = tested[rank - 1];
            running = Math.min(running, p[i] * m / rank);
            adjusted[i] = Math.min(1, running);
        }
        return adjusted;
    }
}
