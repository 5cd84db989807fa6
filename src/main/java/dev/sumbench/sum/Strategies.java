package dev.sumbench.sum;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The registry of strategies available on this JVM, in the canonical order of DESIGN.md's vocabulary. */
public final class Strategies {

    /** Every id the suite knows, in the order tables list them. */
    public static final List<String> CANONICAL_ORDER = List.of(
            "sequential", "sequential-stream", "thread-pool", "fork-join", "parallel-stream", "virtual-threads",
            "process-pipe", "process-shared", "process-spawn");

    /** id -> provider, filled once; read-only afterwards. */
    private static final Map<String, Entry> BY_ID = load();

    private record Entry(StrategyInfo info, StrategyProvider provider) {
    }

    private Strategies() {
    }

    private static Map<String, Entry> load() {
        List<Entry> entries = new ArrayList<>();
        for (StrategyProvider provider : ServiceLoader.load(StrategyProvider.class, Strategies.class.getClassLoader())) {
            for (StrategyInfo info : provider.strategies()) {
                entries.add(new Entry(info, provider));
            }
        }
        entries.sort(Comparator.comparingInt(e -> canonicalRank(e.info().id())));
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (byId.putIfAbsent(entry.info().id(), entry) != null) {
                throw new IllegalStateException("Two providers offer strategy " + entry.info().id());
            }
        }
        return byId;
    }

    private static int canonicalRank(String id) {
        int rank = CANONICAL_ORDER.indexOf(id);
        return rank < 0 ? CANONICAL_ORDER.size() : rank;
    }

    /** Ids of the strategies available on this JVM, in canonical order. */
    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }

    /** Every available strategy with its description. */
    public static List<StrategyInfo> available() {
        return BY_ID.values().stream().map(Entry::info).toList();
    }

    /** The description of {@code id}, if it is available. */
    public static Optional<StrategyInfo> info(String id) {
        return Optional.ofNullable(BY_ID.get(id)).map(Entry::info);
    }

    /**
     * Creates strategy {@code id}; the caller owns it and closes it.
     *
     * @throws UnknownStrategyException if no provider offers {@code id}
     * @throws IllegalArgumentException if the settings do not suit the strategy
     */
    public static SumStrategy create(String id, Settings settings) {
        Entry entry = BY_ID.get(id);
        if (entry == null) {
            throw new UnknownStrategyException(id, BY_ID.keySet());
        }
        return entry.provider().create(id, settings);
    }
}
