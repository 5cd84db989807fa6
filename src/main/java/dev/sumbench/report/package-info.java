/**
 * Tables (Markdown, CSV, text) and charts built from the statistics; no computation of its own. A
 * {@link dev.sumbench.report.Table} knows cells and alignment, nothing about benchmarks; the format is chosen once,
 * when it is rendered.
 */
package dev.sumbench.report;
