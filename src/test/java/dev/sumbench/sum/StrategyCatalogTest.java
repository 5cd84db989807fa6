package dev.sumbench.sum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sumbench.process.ProcessPipe;
import dev.sumbench.process.ProcessShared;
import dev.sumbench.process.ProcessSpawn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StrategyCatalogTest {

    @Test
    void theImplementationsIdsAreTheCatalogsInItsOrder() {
        assertEquals(List.of(Sequential.ID, SequentialStream.ID, ThreadPool.ID, ForkJoin.ID, ParallelStream.ID,
                JdkParallelStream.ID,
                VirtualThreads.ID, ProcessPipe.ID, ProcessShared.ID, ProcessSpawn.ID), StrategyCatalog.ids());
    }

    @Test
    void theRegistryOffersCatalogStrategiesInTheCatalogsOrder() {
        List<String> known = StrategyCatalog.ids();
        List<String> available = Strategies.ids();
        assertTrue(known.containsAll(available), available.toString());
        assertEquals(known.stream().filter(available::contains).toList(), available);
        for (StrategyInfo info : Strategies.available()) {
            assertEquals(StrategyCatalog.get(info.id()), info);
        }
    }

    @Test
    void familiesAndStartUpAreTheCatalogsData() {
        assertEquals(Optional.of(Family.SEQUENTIAL), StrategyCatalog.family("sequential-stream"));
        assertEquals(Optional.of(Family.THREADS), StrategyCatalog.family("virtual-threads"));
        assertEquals(Optional.of(Family.PROCESSES), StrategyCatalog.family("process-pipe"));
        assertEquals(Optional.empty(), StrategyCatalog.family("process-of-another-project"));
        assertEquals(List.of("process-spawn"), StrategyCatalog.all().stream()
                .filter(StrategyInfo::startsWorkersEveryCall).map(StrategyInfo::id).toList());
        assertEquals("sequential", StrategyCatalog.BASELINE);
    }

    @Test
    void unknownIdsSortAfterTheKnownOnesByName() {
        List<String> ids = new ArrayList<>(List.of("zeta", "process-spawn", "alpha", "sequential", "fork-join"));
        ids.sort(StrategyCatalog.order());
        assertEquals(List.of("sequential", "fork-join", "process-spawn", "alpha", "zeta"), ids);
    }

    @Test
    void anUnknownIdIsNamedWhenItIsRequired() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StrategyCatalog.get("gpu"));
        assertTrue(e.getMessage().startsWith("Unknown strategy: gpu"), e.getMessage());
    }
}
