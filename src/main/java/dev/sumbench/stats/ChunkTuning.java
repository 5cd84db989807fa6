package dev.sumbench.stats;

import dev.sumbench.results.Result;
import dev.sumbench.results.Run;
import dev.sumbench.results.ScoreUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The chunk-size sweep of a run, tuned: per strategy × size × workers (× cores), the best chunk with its interval, the
 * flat region of chunks within {@code within} of the best, and one recommendation.
 *
 * @param within   how far from the best a chunk may be and still count as flat (0.05 for 5 %)
 * @param choices  one per group of rows that differ only in {@code chunk}, in the run's order
 * @param warnings what limits the whole answer
 */
public record ChunkTuning(double within, List<ChunkChoice> choices, List<Caveat> warnings) {

    /*
     * Implementation notes. Rows are grouped by benchmark, mode and every param but `chunk`, so a sweep over any
     * further param (cores, a data layout) tunes each value separately. Scores become costs (time per operation;
     * 1 / score for throughput) so that "within 5 % of the best" means the same in both modes. The flat region is
     * the contiguous run of chunk sizes around the best whose cost is at most (1 + within) times the best's: a point
     * within 5 % but separated from the best by a worse one is noise or a second optimum, and is named in a warning
     * rather than merged. The recommendation is the middle of that region on a log scale, because chunk sizes are
     * swept geometrically and a chunk in the middle of a plateau survives small shifts of the machine or the data;
     * the best point itself sits wherever the noise put it. chunk = 0 (the strategy's own default) is reported as
     * the reference it is, never recommended.
     */

    /** The param that is swept. */
    public static final String CHUNK = "chunk";
    /** Confidence of the intervals shown for each point. */
    public static final double CONFIDENCE = 0.95;

    public ChunkTuning {
        choices = List.copyOf(choices);
        warnings = List.copyOf(warnings);
    }

    /**
     * Tunes the rows of {@code run} that have a {@code chunk} param.
     *
     * @param within how far from the best still counts as flat, &gt;= 0 (0.05 for 5 %)
     * @throws IllegalArgumentException if no row has a numeric {@code chunk} param &gt; 0
     */
    public static ChunkTuning of(Run run, double within) {
        if (!(within >= 0)) {
            throw new IllegalArgumentException("within must be >= 0, got " + within);
        }
        List<Caveat> warnings = new ArrayList<>();
        Map<Result.Key, List<Result>> groups = new LinkedHashMap<>();
        Set<String> skipped = new HashSet<>();
        for (Result row : run.results()) {
            String chunk = row.param(CHUNK);
            if (chunk == null) {
                continue;
            }
            if (parseChunk(chunk) < 0) {
                if (skipped.add(chunk)) {
                    warnings.add(Caveat.of(Caveat.Code.CHUNK_NOT_A_NUMBER, chunk));
                }
                continue;
            }
            Map<String, String> others = new TreeMap<>(row.params());
            others.remove(CHUNK);
            groups.computeIfAbsent(new Result.Key(row.benchmark(), row.mode(), others), k -> new ArrayList<>()).add(row);
        }
        int fewestForks = groups.values().stream().flatMap(List::stream)
                .filter(row -> row.primary().hasRawData())
                .mapToInt(row -> Samples.forkMeans(row.primary()).length).min().orElse(Integer.MAX_VALUE);
        int forksNeeded = Samples.MIN_FORKS;
        if (fewestForks < forksNeeded) {
            warnings.add(Caveat.of(Caveat.Code.CHUNK_FEW_FORKS, fewestForks, forksNeeded));
        } else if (groups.values().stream().flatMap(List::stream).anyMatch(row -> !row.primary().hasRawData())) {
            warnings.add(Caveat.of(Caveat.Code.CHUNK_NO_RAW_DATA));
        }
        List<ChunkChoice> choices = new ArrayList<>();
        for (Map.Entry<Result.Key, List<Result>> group : groups.entrySet()) {
            ChunkChoice choice = choose(group.getKey(), group.getValue(), within);
            if (choice != null) {
                choices.add(choice);
            }
        }
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("no row with a 'chunk' param > 0 to tune (expected the chunk-size "
                    + "benchmark's rows: params strategy, size, workers, chunk)");
        }
        return new ChunkTuning(within, choices, warnings);
    }

    /**
     * The choices that go into a chunking profile: those with a strategy, size and workers, at one core count: the
     * given one (only rows with that {@code cores} param), else the largest {@code cores} value (rows without the
     * param are kept too). Of two choices for the same strategy, workers and size (two benchmarks), the first is
     * kept.
     */
    public List<ChunkChoice> forProfile(OptionalLong cores) {
        long wantedCores = cores.isPresent() ? cores.getAsLong()
                : choices.stream().map(ChunkChoice::cores).filter(OptionalLong::isPresent)
                        .mapToLong(OptionalLong::getAsLong).max().orElse(-1);
        Set<String> seen = new HashSet<>();
        List<ChunkChoice> chosen = new ArrayList<>();
        for (ChunkChoice choice : choices) {
            if (choice.strategy() == null || choice.size().isEmpty() || choice.workers().isEmpty()) {
                continue;
            }
            boolean otherCores = choice.cores().isPresent() && choice.cores().getAsLong() != wantedCores;
            boolean coresAsked = cores.isPresent() && choice.cores().isEmpty();
            if (otherCores || coresAsked) {
                continue;
            }
            if (seen.add(choice.strategy() + "/" + choice.workers().getAsLong() + "/" + choice.size().getAsLong())) {
                chosen.add(choice);
            }
        }
        return chosen;
    }

    private static ChunkChoice choose(Result.Key key, List<Result> rows, double within) {
        ScoreUnit unit = ScoreUnit.parse(rows.get(0).primary().unit());
        Direction direction = Direction.of(unit) == Direction.UNKNOWN ? Direction.LOWER_IS_BETTER : Direction.of(unit);
        List<Caveat> warnings = new ArrayList<>();
        if (Direction.of(unit) == Direction.UNKNOWN) {
            warnings.add(Caveat.of(Caveat.Code.CHUNK_UNKNOWN_DIRECTION, unit.text()));
        }
        List<ChunkPoint> points = new ArrayList<>();
        ChunkPoint defaultPoint = null;
        for (Result row : rows) {
            double factor = Direction.conversion(ScoreUnit.parse(row.primary().unit()), unit).orElse(Double.NaN);
            if (Double.isNaN(factor)) {
                warnings.add(Caveat.of(Caveat.Code.CHUNK_OTHER_UNIT, row.param(CHUNK), row.primary().unit(),
                        unit.text()));
                continue;
            }
            ChunkPoint point = new ChunkPoint(parseChunk(row.param(CHUNK)),
                    Estimate.ofMetric(row.primary(), CONFIDENCE).scaled(factor));
            if (!Double.isFinite(point.estimate().centre()) || point.estimate().centre() <= 0) {
                warnings.add(Caveat.of(Caveat.Code.CHUNK_NO_SCORE, row.param(CHUNK), row.primary().score()));
                continue;
            }
            if (point.chunk() == 0) {
                defaultPoint = point;
            } else {
                points.add(point);
            }
        }
        if (points.isEmpty()) {
            return null;
        }
        points.sort(Comparator.comparingLong(ChunkPoint::chunk));
        int bestIndex = 0;
        for (int i = 1; i < points.size(); i++) {
            if (cost(points.get(i), direction) < cost(points.get(bestIndex), direction)) {
                bestIndex = i;
            }
        }
        double limit = cost(points.get(bestIndex), direction) * (1 + within);
        int from = bestIndex;
        while (from > 0 && cost(points.get(from - 1), direction) <= limit) {
            from--;
        }
        int to = bestIndex;
        while (to + 1 < points.size() && cost(points.get(to + 1), direction) <= limit) {
            to++;
        }
        List<ChunkPoint> flat = points.subList(from, to + 1);
        ChunkPoint recommended = middle(flat, direction);
        if (points.size() == 1) {
            warnings.add(Caveat.of(Caveat.Code.ONE_CHUNK));
        } else if (to == points.size() - 1) {
            warnings.add(Caveat.of(Caveat.Code.FLAT_AT_LARGEST_CHUNK, points.get(to).chunk()));
        } else if (from == 0) {
            warnings.add(Caveat.of(Caveat.Code.FLAT_AT_SMALLEST_CHUNK, points.get(0).chunk()));
        }
        if (defaultPoint != null && cost(defaultPoint, direction) < cost(points.get(bestIndex), direction)) {
            warnings.add(Caveat.of(Caveat.Code.DEFAULT_CHUNK_BEST));
        }
        for (int i = 0; i < points.size(); i++) {
            if ((i < from || i > to) && cost(points.get(i), direction) <= limit) {
                warnings.add(Caveat.of(Caveat.Code.CHUNK_ALSO_WITHIN, points.get(i).chunk(), within));
            }
        }
        return new ChunkChoice(key.benchmark(), key.mode(), key.params(), unit, points, points.get(bestIndex), flat,
                recommended, defaultPoint, warnings);
    }

    /** The point nearest the middle of {@code flat} on a log scale; of two equally near, the cheaper. */
    private static ChunkPoint middle(List<ChunkPoint> flat, Direction direction) {
        double centre = (Math.log(flat.get(0).chunk()) + Math.log(flat.get(flat.size() - 1).chunk())) / 2;
        ChunkPoint chosen = flat.get(0);
        double chosenDistance = Double.POSITIVE_INFINITY;
        for (ChunkPoint point : flat) {
            double distance = Math.abs(Math.log(point.chunk()) - centre);
            boolean nearer = distance < chosenDistance - 1e-9;
            boolean asNearButCheaper = Math.abs(distance - chosenDistance) <= 1e-9
                    && cost(point, direction) < cost(chosen, direction);
            if (nearer || asNearButCheaper) {
                chosen = point;
                chosenDistance = distance;
            }
        }
        return chosen;
    }

    /** Time-like cost: the score when lower is better, its inverse when higher is. */
    private static double cost(ChunkPoint point, Direction direction) {
        double centre = point.estimate().centre();
        return direction == Direction.HIGHER_IS_BETTER ? 1 / centre : centre;
    }

    private static long parseChunk(String text) {
        try {
            long chunk = Long.parseLong(text.strip());
            return chunk >= 0 ? chunk : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
