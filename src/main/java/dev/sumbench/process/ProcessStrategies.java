package dev.sumbench.process;

import dev.sumbench.sum.Family;
import dev.sumbench.sum.Settings;
import dev.sumbench.sum.StrategyInfo;
import dev.sumbench.sum.StrategyProvider;
import dev.sumbench.sum.SumStrategy;
import dev.sumbench.sum.UnknownStrategyException;
import java.util.List;

/** The multi-process strategies, found by {@link java.util.ServiceLoader} as a {@link StrategyProvider}. */
public final class ProcessStrategies implements StrategyProvider {

    private static final List<StrategyInfo> STRATEGIES = List.of(
            new StrategyInfo(ProcessPipe.ID, Family.PROCESSES,
                    "own memory: every chunk is copied through a pipe to a child JVM and the sum comes back"),
            new StrategyInfo(ProcessShared.ID, Family.PROCESSES,
                    "child JVMs map the data once from shared memory; only offsets travel"),
            new StrategyInfo(ProcessSpawn.ID, Family.PROCESSES,
                    "a new pool of child JVMs in every call: JVM start-up dominates"));

    @Override
    public List<StrategyInfo> strategies() {
        return STRATEGIES;
    }

    @Override
    public SumStrategy create(String id, Settings settings) {
        if (settings.workers() > ProcessPool.MAX_WORKERS) {
            throw new IllegalArgumentException(id + " starts one JVM per worker: at most " + ProcessPool.MAX_WORKERS
                    + " workers, got " + settings.workers());
        }
        WorkerLauncher launcher = WorkerLauncher.defaults();
        return switch (id) {
            case ProcessPipe.ID -> new ProcessPipe(settings, launcher);
            case ProcessShared.ID -> new ProcessShared(settings, launcher);
            case ProcessSpawn.ID -> new ProcessSpawn(settings, launcher);
            default -> throw new UnknownStrategyException(id, STRATEGIES.stream().map(StrategyInfo::id).toList());
        };
    }
}
