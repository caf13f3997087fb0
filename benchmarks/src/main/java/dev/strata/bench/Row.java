package dev.strata.bench;

/**
 * The figures of one repository, filled as they are measured; NaN where a figure was not measured.
 */
final class Row {
  final String name;
  final int files;
  double floorWarm = Double.NaN;
  double strataWarm = Double.NaN;
  double floorWarmCpu = Double.NaN;
  double strataWarmCpu = Double.NaN;
  double floorCold = Double.NaN;
  double strataCold = Double.NaN;
  double floorColdCpu = Double.NaN;
  double strataColdCpu = Double.NaN;
  double checkProcess = Double.NaN;
  double launcherProcess = Double.NaN;
  double floorProcess = Double.NaN;
  double checkProcessCpu = Double.NaN;
  double floorProcessCpu = Double.NaN;
  double editMedian = Double.NaN;
  double editP95 = Double.NaN;
  double editCpuP95 = Double.NaN;
  double lspMedian = Double.NaN;
  double firstDiagnostics = Double.NaN;
  double hoverAfterBurst = Double.NaN;
  double lspP95 = Double.NaN;
  double lspCpuP95 = Double.NaN;
  double heapMb = Double.NaN;

  Row(String name, int files) {
    this.name = name;
    this.files = files;
  }

  static final String WALL_HEADER =
      "| repository | files | floor warm | strata warm | ratio | floor cold | strata cold | ratio | check process | floor process | edit median | edit p95 | LSP median | LSP p95 | heap MB |\n"
          + "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|";

  String wall() {
    return "| "
        + name
        + " | "
        + files
        + " | "
        + f(floorWarm)
        + " | "
        + f(strataWarm)
        + " | "
        + ratio(strataWarm, floorWarm)
        + " | "
        + f(floorCold)
        + " | "
        + f(strataCold)
        + " | "
        + ratio(strataCold, floorCold)
        + " | "
        + f(checkProcess)
        + " | "
        + f(floorProcess)
        + " | "
        + f(editMedian)
        + " | "
        + f(editP95)
        + " | "
        + f(lspMedian)
        + " | "
        + f(lspP95)
        + " | "
        + f(heapMb)
        + " |";
  }

  static final String CPU_HEADER =
      "| repository | files | floor warm | strata warm | ratio | floor cold | strata cold | ratio | check process | floor process | edit p95 | LSP p95 |\n"
          + "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|";

  String cpu() {
    return "| "
        + name
        + " | "
        + files
        + " | "
        + f(floorWarmCpu)
        + " | "
        + f(strataWarmCpu)
        + " | "
        + ratio(strataWarmCpu, floorWarmCpu)
        + " | "
        + f(floorColdCpu)
        + " | "
        + f(strataColdCpu)
        + " | "
        + ratio(strataColdCpu, floorColdCpu)
        + " | "
        + f(checkProcessCpu)
        + " | "
        + f(floorProcessCpu)
        + " | "
        + f(editCpuP95)
        + " | "
        + f(lspCpuP95)
        + " |";
  }

  private static String f(double value) {
    return Double.isNaN(value)
        ? "n/a"
        : value >= 100 ? String.format("%.0f", value) : String.format("%.1f", value);
  }

  private static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? "n/a" : String.format("%.2fx", a / b);
  }
}
