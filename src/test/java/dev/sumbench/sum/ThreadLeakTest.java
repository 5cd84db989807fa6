package dev.sumbench.sum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ThreadLeakTest {

    private static final long DEADLINE_NANOS = 10_000_000_000L;

    @Test
    void closingAStrategyLeavesNoThreadOfItsPoolAlive() throws InterruptedException {
        long[] data = Data.generate(1_000_000, 3);
        for (String id : InProcessStrategiesTest.inProcessIds()) {
            try (SumStrategy strategy = Strategies.create(id, new Settings(4, 10_000))) {
                strategy.sum(data);
                strategy.sum(data);
            }
            assertEquals(List.of(), awaitNoPoolThreads(), id + " left threads behind");
        }
    }

    /** Waits (with a deadline) until no platform thread named like a strategy's pool thread is alive. */
    private static List<String> awaitNoPoolThreads() throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        List<String> alive = poolThreads();
        while (!alive.isEmpty() && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
            alive = poolThreads();
        }
        return alive;
    }

    private static List<String> poolThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(PoolThreads.THREAD_PREFIX))
                .sorted()
                .collect(Collectors.toList());
    }
}
