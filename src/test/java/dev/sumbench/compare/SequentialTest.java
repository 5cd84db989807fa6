package dev.sumbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sequential plan's arithmetic; SequentialSimulationTest measures its rates. */
class SequentialTest {

    private static final Sequential PLAN = new Sequential(3, 30, 0.05, 0.05);

    @Test
    void forksNeededNarrowTheIntervalToTheDistanceFromTheNearestEdge() {
        // scipy: n = ceil(q^2 (0.01 + 0.01) / (0.2 - log(1.05))^2), q = t.ppf(1 - 0.005, 2n - 2) iterated from
        // norm.ppf(1 - 0.005): 8; with spreads of 0.02 around a log ratio of 0.01 (inside the margin): 6
        assertEquals(8, PLAN.forksNeeded(sample(new double[] {0, 0.1, -0.1}, new double[] {0.2, 0.3, 0.1})));
        assertEquals(6, PLAN.forksNeeded(sample(new double[] {0, 0.02, -0.02}, new double[] {0.01, 0.03, -0.01})));
    }

    @Test
    void aRowOnTheEdgeCannotBeDecidedAndARowWithoutSpreadCannotBePlanned() {
        double edge = Math.log1p(0.05);
        assertEquals(Integer.MAX_VALUE, PLAN.forksNeeded(sample(new double[] {0, 0.1, -0.1},
                new double[] {edge, edge + 0.1, edge - 0.1})));
        assertEquals(-1, PLAN.forksNeeded(sample(new double[] {0}, new double[] {0.2})));
    }

    @Test
    void aLookJudgesAtItsShareOfAlpha() {
        Judgement j = PLAN.look(List.of(sample(new double[] {0, 0.01, -0.01}, new double[] {0, 0.01, -0.01})))
                .get(0);
        assertEquals(Decision.EQUIVALENT, j.decision());
        assertEquals(1 - 2 * 0.005, j.confidence(), 1e-12);
    }

    @Test
    void aPlanNeedsTheGatesMinimumOfForksAndALevel() {
        assertThrows(IllegalArgumentException.class, () -> new Sequential(2, 30, 0.05, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new Sequential(5, 4, 0.05, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new Sequential(3, 30, 0.5, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new Sequential(3, 30, 0.05, -1));
        assertEquals(List.of(3), java.util.Arrays.stream(new Sequential(3, 3, 0.05, 0.05).looks()).boxed().toList());
    }

    private static Gate.Sample sample(double[] oldLogs, double[] newLogs) {
        return new Gate.Sample(oldLogs, newLogs, Reason.NONE);
    }
}
