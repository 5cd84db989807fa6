package dev.sumbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every quantity that a rendered document shows more than once has one value: the answer's crossovers, speedups and
 * memory against tables 4b, 2 and 7, the memory benchmark's rows against table 7, and every link of the answer
 * against the document's headings. Over every committed reference run and a quick run.
 */
class OneFigureOneValueTest {

    private static final Pattern PAYS = Pattern.compile("(hot|after (\\S+) idle) (?:pays from (≈ [\\d,]+) (\\[[^\\]]+\\])"
            + "|does not pay up to (\\d{1,3}(?:,\\d{3})*))");
    private static final Pattern CHUNKING = Pattern.compile("\\((split in halves|(\\S+) chunking), (\\d+) workers?\\)");
    private static final Pattern BEST = Pattern.compile("best (\\S+×(?: \\[[^\\]]+\\])?) at (\\d{1,3}(?:,\\d{3})*)");
    private static final Pattern MEMORY = Pattern.compile("a worker costs (\\S+) MiB RSS \\(PSS (\\S+) MiB\\)");
    private static final Pattern FAMILY_BEST = Pattern.compile("the best (?:process|thread) strategy, (\\S+), "
            + "(\\S+×(?: \\[[^\\]]+\\])?)");
    private static final Pattern LINK = Pattern.compile("\\]\\(#([^)]+)\\)");

    @Test
    void everyFigureOfTheAnswerIsTheTablesAndEveryLinkFindsItsTable() throws IOException {
        List<RenderedRuns.Rendered> runs = RenderedRuns.all();
        assertTrue(runs.size() >= 5, "the reference runs and the quick run: " + runs.size());
        int checked = 0;
        for (RenderedRuns.Rendered r : runs) {
            String name = r.file().toString();
            List<String> answer = r.answer();
            if (!r.report().isSumbench()) {
                continue;
            }
            assertFalse(answer.isEmpty(), name + ": no answer");
            List<List<String>> crossover = r.table("4b.");
            List<List<String>> speedups = r.table("2.");
            String tradeOff = String.join("\n", r.table("7.").stream().map(row -> String.join(" | ", row)).toList());
            for (String line : answer) {
                Matcher link = LINK.matcher(line);
                while (link.find()) {
                    assertTrue(r.anchors().contains(link.group(1)), name + ": no heading for #" + link.group(1));
                }
                if (line.startsWith("this run cannot answer") || line.startsWith("processes vs threads")) {
                    Matcher family = FAMILY_BEST.matcher(line);
                    while (family.find()) {
                        assertTrue(inRow(speedups, family.group(1), family.group(2)), name + ": " + family.group());
                        checked++;
                    }
                    continue;
                }
                String strategy = line.substring(0, line.indexOf(':'));
                Matcher chunking = CHUNKING.matcher(line);
                String chunks = chunking.find() ? (chunking.group(2) == null ? "halves" : chunking.group(2)) : null;
                Matcher pays = PAYS.matcher(line);
                while (pays.find()) {
                    String pattern = pays.group(1);
                    List<String> row = crossover.stream().filter(c -> c.get(0).equals(strategy)
                            && c.get(1).equals(chunks) && c.get(2).equals(pattern)).findFirst().orElseThrow(
                                    () -> new AssertionError(name + ": no 4b row for " + strategy + " " + pattern));
                    if (pays.group(3) != null) {
                        assertEquals(List.of(pays.group(3), pays.group(4)), row.subList(4, 6), name + ": " + line);
                    } else {
                        assertEquals("not by " + pays.group(5), row.get(4), name + ": " + line);
                    }
                    checked++;
                }
                Matcher best = BEST.matcher(line);
                if (best.find()) {
                    int column = speedups.get(0).indexOf("size " + best.group(2));
                    assertTrue(column > 0, name + ": no column for size " + best.group(2));
                    assertTrue(speedups.stream().anyMatch(row -> row.get(0).equals(strategy)
                            && row.get(column).equals(best.group(1))), name + ": " + best.group());
                    checked++;
                }
                Matcher memory = MEMORY.matcher(line);
                if (memory.find()) {
                    assertTrue(tradeOff.contains(strategy + " " + memory.group(1) + " MiB RSS (PSS " + memory.group(2)
                            + " MiB"), name + ": " + memory.group());
                    checked++;
                }
            }
        }
        assertTrue(checked > 40, "figures checked: " + checked);
    }

    @Test
    void theMemoryBenchmarksRowsShowTheFiguresOfTable7() throws IOException {
        int checked = 0;
        for (RenderedRuns.Rendered r : RenderedRuns.all()) {
            List<List<String>> memoryRows = r.table("dev.sumbench.bench.MemoryBenchmark");
            if (memoryRows.isEmpty()) {
                continue;
            }
            String tradeOff = String.join("\n", r.table("7.").stream().map(row -> String.join(" | ", row)).toList());
            List<String> header = memoryRows.get(0);
            int strategy = header.indexOf("strategy");
            int metric = header.indexOf("metric");
            int score = header.indexOf("score");
            List<String> seen = new ArrayList<>();
            for (List<String> row : memoryRows.subList(1, memoryRows.size())) {
                String value = row.get(score);
                if (row.get(metric).startsWith(":perWorkerRssMiB")) {
                    assertTrue(tradeOff.contains(row.get(strategy) + " " + value + " MiB RSS"), r.file() + ": "
                            + row + " against table 7: " + tradeOff);
                    seen.add(row.get(strategy));
                } else if (row.get(metric).startsWith(":perWorkerPssMiB")) {
                    assertTrue(tradeOff.contains("(PSS " + value + " MiB"), r.file() + ": " + row);
                }
            }
            assertFalse(seen.isEmpty(), r.file() + ": no memory rows read");
            checked++;
        }
        assertTrue(checked >= 2, "runs with memory rows: " + checked);
    }

    /** Whether a row of {@code table} for {@code strategy} has a cell {@code value}. */
    private static boolean inRow(List<List<String>> table, String strategy, String value) {
        return table.stream().anyMatch(row -> row.get(0).equals(strategy) && row.contains(value));
    }

    @Test
    void aStrategyWithoutACrossoverIsReadByTable2sIntervalsNotItsEstimates() throws IOException {
        List<String> lines = new ArrayList<>();
        for (RenderedRuns.Rendered r : RenderedRuns.all()) {
            for (String line : r.answer()) {
                if (line.startsWith("process-pipe: ")) {
                    lines.add(r.file().getFileName() + " " + line);
                }
            }
        }
        // the default sums in the caller: at 10,000,000 1.05x [0.848, 1.28], and every other interval holds 1 too
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("20261205-032022_vm_jdk17_A.json process-pipe: at par "
                + "with sequential at every measured size (each interval holds 1) ([table 2]")), lines.toString());
        // 1.03x [0.994, 1.07], 1.01x [1.00, 1.02] (its lower bound just above 1), 1.09x [0.970, 1.23]
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("20261205-043402_vm_jdk17.json process-pipe: faster only "
                + "at 100,000 of the measured sizes ([table 2]")), lines.toString());
        // the former default: faster at 100,000 by its interval, 0.0341x at 10,000,000
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("20261201-182834_vm_jdk17.json process-pipe: faster only "
                + "at 100,000 of the measured sizes ([table 2]")), lines.toString());
    }
}
