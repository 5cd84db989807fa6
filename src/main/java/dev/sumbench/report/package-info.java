/**
 * Tables (Markdown, CSV, text) and charts built from the statistics; no computation of its own. A
 * {@link dev.sumbench.report.Table} knows cells and alignment, nothing about benchmarks; the format is chosen once,
 * when it is rendered. {@link dev.sumbench.report.SumTables} lays out sumbench's seven tables,
 * {@link dev.sumbench.report.BenchmarkTables} any JMH rows, {@link dev.sumbench.report.Charts} draws PNG charts with
 * JFreeChart (headless), {@link dev.sumbench.report.Report} assembles one document, and
 * {@link dev.sumbench.files.OutputFiles} writes it and its charts atomically.
 */
package dev.sumbench.report;
