package dev.sumbench.sum;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The registry of the strategies available on this JVM, in {@link StrategyCatalog}'s order: it finds their
 * {@link StrategyProvider}s with {@link ServiceLoader} and creates strategies by id. What a strategy is (its family,
 * its place in the tables) is the catalog's; a provider that offers an id the catalog lacks, or describes one
 * otherwise than the catalog does, is refused when the registry loads.
 */
public final class Strategies {

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
                if (!StrategyCatalog.find(info.id()).equals(Optional.of(info))) {
                    throw new IllegalStateException(provider.getClass().getName() + " offers strategy " + info.id()
                            + " unlike StrategyCatalog describes it (" + StrategyCatalog.find(info.id())
                            .map(StrategyInfo::toString).orElse("not listed") + "): add or fix it there");
                }
                entries.add(new Entry(info, provider));
            }
        }
        Comparator<String> order = StrategyCatalog.order();
        entries.sort((a, b) -> order.compare(a.info().id(), b.info().id()));
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (byId.putIfAbsent(entry.info().id(), entry) != null) {
                throw new IllegalStateException("Two providers offer strategy " + entry.info().id());
            }
        }
        return byId;
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
