package dev.sumbench.sum;

import java.util.ArrayList;
import java.util.List;

/** The strategies that run inside this JVM: sequential ones and thread-based ones. */
public final class InProcessStrategies implements StrategyProvider {

    @Override
    public List<StrategyInfo> strategies() {
        List<StrategyInfo> list = new ArrayList<>(List.of(
                new StrategyInfo(Sequential.ID, Family.SEQUENTIAL,
                        "one thread, no hand-off: the baseline every other row must beat"),
                new StrategyInfo(SequentialStream.ID, Family.SEQUENTIAL,
                        "the same loop behind the Stream API: what the abstraction costs"),
                new StrategyInfo(ThreadPool.ID, Family.THREADS,
                        "threads share the array (no copy), but every hand-off wakes a thread"),
                new StrategyInfo(ForkJoin.ID, Family.THREADS,
                        "work-stealing threads share memory; each split is a task to schedule"),
                new StrategyInfo(ParallelStream.ID, Family.THREADS,
                        "the JDK splits for you, bounded to the workers of its own pool")));
        if (VirtualThreads.available()) {
            list.add(new StrategyInfo(VirtualThreads.ID, Family.THREADS,
                    "cheap to create, but still threads on the same cores: no gain for CPU work"));
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
            case VirtualThreads.ID -> VirtualThreads.create(settings);
            default -> throw new UnknownStrategyException(id, strategies().stream().map(StrategyInfo::id).toList());
        };
    }
}
