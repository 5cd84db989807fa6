package dev.sumbench.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads JMH's JSON result files ({@code -rf json}) into {@link Result} rows.
 *
 * <p>The file is an array with one object per row: {@code benchmark}, {@code mode}, {@code threads}, {@code forks},
 * {@code params} (absent when the benchmark has none), {@code primaryMetric} and {@code secondaryMetrics}. A metric has
 * {@code score}, {@code scoreError} and {@code scoreUnit}, and either {@code rawData} (per fork, per iteration) or, in
 * sample mode, {@code rawDataHistogram} (per fork, per iteration, {@code [value, count]} pairs). JMH writes
 * non-finite numbers as strings: {@code "NaN"}, {@code "+INF"}, {@code "-INF"}.
 */
final class JmhJsonReader {

    /* Implementation notes
     * The array is walked with Jackson's streaming parser and each row read as a tree, so that a problem in a row can
     * name the line the row starts on (a tree keeps no locations). Syntax errors carry Jackson's own location.
     * JMH's JSON has no confidence level and no sample count: the confidence is JMH's fixed 99.9 %, and the sample
     * count is the number of raw values (in sample mode, of timed operations in the histogram), which is what JMH's
     * CSV prints in "Samples" for a primary metric (for secondary ones JMH's CSV counts differently, e.g. iterations
     * without a GC event are left out of gc.time's raw data). */

    /** JMH computes every score error at this confidence. */
    static final double JMH_CONFIDENCE = 0.999;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;

    JmhJsonReader(Path file) {
        this.file = file;
    }

    List<Result> read(String content) {
        List<Result> rows = new ArrayList<>();
        try (JsonParser parser = new JsonFactory(MAPPER).createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new MalformedResultsException(file, line(parser), "expected a JMH JSON array of benchmark "
                        + "results, found " + describe(first));
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                long line = line(parser);
                if (token != JsonToken.START_OBJECT) {
                    throw new MalformedResultsException(file, line, "expected a benchmark result object, found "
                            + describe(token));
                }
                JsonNode node = parser.readValueAsTree();
                rows.add(row(node, line));
            }
            if (parser.nextToken() != null) {
                throw new MalformedResultsException(file, line(parser), "expected the end of the file after the "
                        + "array, found " + describe(parser.currentToken()));
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new MalformedResultsException(file, line, "expected JMH JSON, found a syntax error: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new MalformedResultsException(file, 0, "expected JMH JSON, found unreadable text: "
                    + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new MalformedResultsException(file, 1, "expected at least one benchmark result, found an empty "
                    + "array");
        }
        return rows;
    }

    private Result row(JsonNode node, long line) {
        String benchmark = text(node, "benchmark", line, "a benchmark result");
        String mode = text(node, "mode", line, benchmark).toLowerCase(Locale.ROOT);
        int threads = (int) whole(node, "threads", line, benchmark);
        int forks = (int) whole(node, "forks", line, benchmark);
        Map<String, String> params = new TreeMap<>();
        JsonNode paramsNode = node.get("params");
        if (paramsNode != null && !paramsNode.isNull()) {
            if (!paramsNode.isObject()) {
                throw bad(line, benchmark, "\"params\" to be an object", paramsNode);
            }
            for (Map.Entry<String, JsonNode> param : paramsNode.properties()) {
                if (!param.getValue().isValueNode() || param.getValue().isNull()) {
                    throw bad(line, benchmark, "param \"" + param.getKey() + "\" to be a value", param.getValue());
                }
                params.put(param.getKey(), param.getValue().asText());
            }
        }
        JsonNode primaryNode = node.get("primaryMetric");
        if (primaryNode == null || !primaryNode.isObject()) {
            throw bad(line, benchmark, "a \"primaryMetric\" object", primaryNode);
        }
        Metric primary = metric(primaryNode, line, benchmark + " primaryMetric");
        String problem = Numbers.scoreProblem(primary.score(), primary.unit());
        if (problem != null) {
            throw bad(line, benchmark + " primaryMetric score", problem, primaryNode.get("score"));
        }
        Map<String, Metric> secondary = new LinkedHashMap<>();
        JsonNode secondaryNode = node.get("secondaryMetrics");
        if (secondaryNode != null && !secondaryNode.isNull()) {
            if (!secondaryNode.isObject()) {
                throw bad(line, benchmark, "\"secondaryMetrics\" to be an object", secondaryNode);
            }
            for (Map.Entry<String, JsonNode> entry : secondaryNode.properties()) {
                if (!entry.getValue().isObject()) {
                    throw bad(line, benchmark, "secondary metric \"" + entry.getKey() + "\" to be an object",
                            entry.getValue());
                }
                secondary.put(Labels.secondary(entry.getKey()),
                        metric(entry.getValue(), line, benchmark + " secondary metric " + entry.getKey()));
            }
        }
        return new Result(benchmark, mode, params, threads, forks, primary, secondary);
    }

    private Metric metric(JsonNode node, long line, String where) {
        double score = number(node, "score", line, where);
        double error = node.has("scoreError") ? number(node, "scoreError", line, where) : Double.NaN;
        String unit = text(node, "scoreUnit", line, where);
        List<List<Double>> rawData = new ArrayList<>();
        List<Map<Double, Long>> histograms = new ArrayList<>();
        long samples = 0;
        JsonNode raw = node.get("rawData");
        JsonNode histogram = node.get("rawDataHistogram");
        if (raw != null && !raw.isNull()) {
            for (JsonNode fork : arrayOf(raw, line, where + " rawData")) {
                List<Double> iterations = new ArrayList<>();
                for (JsonNode value : arrayOf(fork, line, where + " rawData fork")) {
                    iterations.add(value(value, line, where + " rawData"));
                }
                samples += iterations.size();
                rawData.add(iterations);
            }
        } else if (histogram != null && !histogram.isNull()) {
            for (JsonNode fork : arrayOf(histogram, line, where + " rawDataHistogram")) {
                List<Double> iterationMeans = new ArrayList<>();
                Map<Double, Long> forkHistogram = new TreeMap<>();
                for (JsonNode iteration : arrayOf(fork, line, where + " rawDataHistogram fork")) {
                    double sum = 0;
                    long count = 0;
                    for (JsonNode bin : arrayOf(iteration, line, where + " rawDataHistogram iteration")) {
                        if (!bin.isArray() || bin.size() != 2) {
                            throw bad(line, where, "rawDataHistogram bins to be [value, count] pairs", bin);
                        }
                        double value = value(bin.get(0), line, where + " rawDataHistogram");
                        long n = (long) value(bin.get(1), line, where + " rawDataHistogram");
                        sum += value * n;
                        count += n;
                        forkHistogram.merge(value, n, Long::sum);
                    }
                    samples += count;
                    iterationMeans.add(count == 0 ? Double.NaN : sum / count);
                }
                rawData.add(iterationMeans);
                histograms.add(forkHistogram);
            }
        }
        return new Metric(score, error, JMH_CONFIDENCE, unit, samples, rawData, histograms);
    }

    private Iterable<JsonNode> arrayOf(JsonNode node, long line, String where) {
        if (!node.isArray()) {
            throw bad(line, where, "an array", node);
        }
        return node;
    }

    private String text(JsonNode node, String field, long line, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw bad(line, where, "\"" + field + "\" as a non-empty string", value);
        }
        return value.asText();
    }

    private long whole(JsonNode node, String field, long line, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw bad(line, where, "\"" + field + "\" as a whole number", value);
        }
        return value.asLong();
    }

    private double number(JsonNode node, String field, long line, String where) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw bad(line, where, "\"" + field + "\"", null);
        }
        return value(value, line, where + " " + field);
    }

    private double value(JsonNode value, long line, String where) {
        if (value != null && value.isNumber()) {
            return value.asDouble();
        }
        if (value != null && value.isTextual()) {
            Double parsed = Numbers.parse(value.asText(), '.');
            if (parsed != null) {
                return parsed;
            }
        }
        throw bad(line, where, "a number (or \"NaN\", \"+INF\", \"-INF\")", value);
    }

    private MalformedResultsException bad(long line, String where, String expected, JsonNode found) {
        return new MalformedResultsException(file, line, "expected " + expected + " in " + where + ", found "
                + (found == null ? "none" : shorten(found.toString())));
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    private static long line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
