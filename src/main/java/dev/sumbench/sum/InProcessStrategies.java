package dev.sumbench.sum;

import java.util.ArrayList;
import java.util.List;

/** The strategies that run inside this JVM: sequential ones and thread-based ones. */
public final class InProcessStrategies implements StrategyProvider {

    @Override
    public List<StrategyInfo> strategies() {
        List<StrategyInfo> list = new ArrayList<>();
        for (String id : List.of(Sequential.ID, SequentialStream.ID, ThreadPool.ID, ForkJoin.ID, ParallelStream.ID,
                JdkParallelStream.ID)) {
            list.add(StrategyCatalog.get(id));
        }
        if (VirtualThreads.available()) {
            list.add(StrategyCatalog.get(VirtualThreads.ID));
        }
        return list;
    }

    @Override
    public SumStrategy create(String id, Settings settings) {
        return switch (id) {
            case Sequential.ID -> new Sequential(settings);
            case SequentialStream.ID -> new SequentialStream(settings);
            case ThreadPool.ID -> new ThreadPool(settings);
            case ForkJoin.ID -> new ForkJoin(settings);
            case ParallelStream.ID -> new ParallelStream(settings);
            case JdkParallelStream.ID -> new JdkParallelStream(settings);
            case VirtualThreads.ID -> VirtualThreads.create(settings);
            default -> throw new UnknownStrategyException(id, strategies().stream().map(StrategyInfo::id).toList());
        };
    }
}
