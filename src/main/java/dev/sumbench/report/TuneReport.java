package dev.sumbench.report;

import dev.sumbench.stats.ChunkChoice;
import dev.sumbench.stats.ChunkPoint;
import dev.sumbench.stats.ChunkTuning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The table of {@code sumbench tune}: per strategy × size × workers (× cores), the best chunk with its interval, the
 * flat region, the recommendation, and the rules of thumb beside it. Formatting only: every figure comes from
 * {@link ChunkTuning}.
 */
public final class TuneReport {

    /** Params that have their own column; any others are listed together. */
    private static final Set<String> OWN_COLUMNS = Set.of("strategy", "size", "workers", "cores");

    private TuneReport() {
    }

    /** The table for {@code tuning} of the run named {@code runName}. */
    public static Table table(ChunkTuning tuning, String runName) {
        boolean withCores = tuning.choices().stream().anyMatch(c -> c.cores().isPresent());
        boolean withOthers = tuning.choices().stream()
                .anyMatch(c -> c.params().keySet().stream().anyMatch(p -> !OWN_COLUMNS.contains(p)));
        List<Table.Column> columns = new ArrayList<>(List.of(Table.Column.left("strategy"),
                Table.Column.right("size"), Table.Column.right("workers")));
        if (withCores) {
            columns.add(Table.Column.right("cores"));
        }
        if (withOthers) {
            columns.add(Table.Column.left("params"));
        }
        String within = plain(tuning.within() * 100) + " %";
        columns.addAll(List.of(Table.Column.right("best chunk"), Table.Column.right("best"),
                Table.Column.right("±"), Table.Column.right("flat (within " + within + ")"),
                Table.Column.right("recommended"), Table.Column.right("its score"), Table.Column.right("chunk 0"),
                Table.Column.right("size/(4·workers)"), Table.Column.left("ForkJoinTask 100..10,000")));
        Table.Builder table = Table.builder("chunk sizes of " + runName, columns.toArray(Table.Column[]::new));
        List<String> warnings = new ArrayList<>();
        for (ChunkChoice choice : tuning.choices()) {
            List<String> cells = new ArrayList<>();
            cells.add(choice.strategy() != null ? choice.strategy() : shortName(choice.benchmark()));
            cells.add(grouped(choice.params().get("size")));
            cells.add(orDash(choice.params().get("workers")));
            if (withCores) {
                cells.add(orDash(choice.params().get("cores")));
            }
            if (withOthers) {
                cells.add(others(choice.params()));
            }
            ChunkPoint best = choice.best();
            long size = choice.size().orElse(Long.MAX_VALUE);
            cells.add(chunk(best.chunk(), size));
            cells.add(CompareReport.value(best.estimate().centre(), choice.unit()));
            cells.add(CompareReport.interval(best.estimate()));
            cells.add(choice.flatFrom() == choice.flatTo() || choice.flatFrom() >= size ? chunk(choice.flatFrom(), size)
                    : chunk(choice.flatFrom(), size) + ".." + chunk(choice.flatTo(), size) + " ("
                    + choice.flat().size() + ")");
            cells.add(chunk(choice.recommended().chunk(), size));
            cells.add(CompareReport.value(choice.recommended().estimate().centre(), choice.unit()));
            cells.add(choice.defaultPoint() == null ? "-"
                    : CompareReport.value(choice.defaultPoint().estimate().centre(), choice.unit()));
            OptionalLong streams = choice.streamsRuleChunk();
            cells.add(streams.isEmpty() ? "-"
                    : Formats.size(streams.getAsLong()) + (choice.inFlatRegion(streams.getAsLong()) ? " (flat)" : " (not flat)"));
            cells.add(switch (choice.againstForkJoinRule()) {
                case -1 -> "recommended is below";
                case 0 -> "recommended is inside";
                default -> "recommended is above";
            });
            table.row(cells);
            String label = label(choice);
            choice.warnings().forEach(w -> warnings.add(label + ": " + Caveats.words(w)));
        }
        table.note("best: the chunk with the best score, ± its 95 % confidence interval; flat: the contiguous chunk "
                + "sizes within " + within + " of the best (count measured); recommended: the middle of the flat "
                + "region on a log scale, which the profile stores");
        if (tuning.choices().stream().anyMatch(c -> c.best().chunk() >= c.size().orElse(Long.MAX_VALUE)
                || c.recommended().chunk() >= c.size().orElse(Long.MAX_VALUE))) {
            table.note("one chunk (no split): a chunk at or above the size leaves the whole range to one task, which "
                    + "the caller sums; the profile stores the size itself");
        }
        table.note("chunk 0: the strategy's own default, for reference; size/(4·workers): the chunk a parallel stream "
                + "makes (4 leaves per worker), and whether it is in the flat region; ForkJoinTask 100..10,000: "
                + "its javadoc's rule of basic steps per task, against the recommendation");
        tuning.warnings().forEach(w -> table.note("warning: " + Caveats.words(w)));
        warnings.forEach(w -> table.note("warning: " + w));
        return table.build();
    }

    /** A chunk with digit grouping, or "one chunk (no split)" where it reaches the size. */
    private static String chunk(long chunk, long size) {
        return chunk >= size ? "one chunk (no split)" : Formats.size(chunk);
    }

    private static String label(ChunkChoice choice) {
        List<String> pairs = new ArrayList<>();
        choice.params().forEach((name, value) -> pairs.add(name + "=" + value));
        return (choice.strategy() != null ? "" : shortName(choice.benchmark()) + " ") + String.join(" ", pairs);
    }

    private static String others(Map<String, String> params) {
        List<String> pairs = new ArrayList<>();
        params.forEach((name, value) -> {
            if (!OWN_COLUMNS.contains(name)) {
                pairs.add(name + "=" + value);
            }
        });
        return String.join(" ", pairs);
    }

    private static String grouped(String value) {
        return value != null && value.matches("\\d{1,18}") ? Formats.size(Long.parseLong(value)) : orDash(value);
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    private static String shortName(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts.length < 2 ? benchmark : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    private static String plain(double value) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", value)).stripTrailingZeros()
                .toPlainString();
    }
}
