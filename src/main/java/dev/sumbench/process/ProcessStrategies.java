package dev.sumbench.process;

import dev.sumbench.sum.Settings;
import dev.sumbench.sum.StrategyCatalog;
import dev.sumbench.sum.StrategyInfo;
import dev.sumbench.sum.StrategyProvider;
import dev.sumbench.sum.SumStrategy;
import dev.sumbench.sum.UnknownStrategyException;
import java.util.List;

/** The multi-process strategies, found by {@link java.util.ServiceLoader} as a {@link StrategyProvider}. */
public final class ProcessStrategies implements StrategyProvider {

    private static final List<StrategyInfo> STRATEGIES = List.of(StrategyCatalog.get(ProcessPipe.ID),
            StrategyCatalog.get(ProcessShared.ID), StrategyCatalog.get(ProcessSpawn.ID));

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
