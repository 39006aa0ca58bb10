package cn.zhibu.statistics.web;

import java.util.List;

/**
 * One chart of the dashboard: drawn by ECharts from the JSON of its slices, and listed as a table of the same
 * figures for those who cannot see the chart (screen readers, printouts).
 */
record ChartPanel(String key, String title, String kind, List<Slice> slices) {

    /** One bar or pie slice: a label and a count of members or organizations. */
    record Slice(String name, int value) {
    }
}
