package dev.strata.bench;

/** The figures of one repository, filled as they are measured; NaN where a figure was not measured. */
final class Row {
  final String name;
  final int files;
  double floorWarm = Double.NaN;
  double strataWarm = Double.NaN;
  double floorCold = Double.NaN;
  double strataCold = Double.NaN;
  double checkProcess = Double.NaN;
  double floorProcess = Double.NaN;
  double editMedian = Double.NaN;
  double editP95 = Double.NaN;
  double lspMedian = Double.NaN;
  double lspP95 = Double.NaN;
  double heapMb = Double.NaN;

  Row(String name, int files) {
    this.name = name;
    this.files = files;
  }

  String markdown() {
    return "| " + name + " | " + files + " | " + f(floorWarm) + " | " + f(strataWarm) + " | " + ratio(strataWarm, floorWarm)
        + " | " + f(floorCold) + " | " + f(strataCold) + " | " + ratio(strataCold, floorCold) + " | " + f(checkProcess)
        + " | " + f(floorProcess) + " | " + f(editMedian) + " | " + f(editP95) + " | " + f(lspMedian) + " | " + f(lspP95)
        + " | " + f(heapMb) + " |";
  }

  private static String f(double value) {
    return Double.isNaN(value) ? "n/a" : value >= 100 ? String.format("%.0f", value) : String.format("%.1f", value);
  }

  private static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? "n/a" : String.format("%.2fx", a / b);
  }
}
