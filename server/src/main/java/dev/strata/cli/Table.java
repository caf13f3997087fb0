package dev.strata.cli;

import java.util.List;

/** Plain-text and Markdown tables for the commands that list things. */
final class Table {
  private Table() {}

  static String text(List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, widths);
    for (List<String> row : rows) {
      line(out, row, widths);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      line.append(
          i == cells.size() - 1
              ? cells.get(i)
              : String.format("%-" + widths[i] + "s  ", cells.get(i)));
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  static String markdown(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| ")
        .append(String.join(" | ", header.stream().map(Table::escape).toList()))
        .append(" |\n");
    out.append("|").append("---|".repeat(header.size())).append('\n');
    for (List<String> row : rows) {
      out.append("| ")
          .append(String.join(" | ", row.stream().map(Table::escape).toList()))
          .append(" |\n");
    }
    return out.toString();
  }

  private static String escape(String cell) {
    return cell.replace("|", "\\|");
  }
}
