package dev.strata.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which API versions each Flux and External Secrets release serves, from the table {@code
 * api-versions.tsv} beside this class (its header names the sources). A product is {@code flux} or
 * {@code external-secrets}.
 */
public final class ApiVersions {
  public static final String FLUX = "flux";
  public static final String EXTERNAL_SECRETS = "external-secrets";

  /**
   * One version of one kind: the releases that first serve it, deprecate it and stop serving it.
   */
  public record Entry(
      String product,
      String group,
      String kind,
      String version,
      Version servedFrom,
      Optional<Version> deprecatedIn,
      Optional<Version> removedIn) {
    public String apiVersion() {
      return group + "/" + version;
    }

    public boolean servedBy(Version release) {
      return release.compareTo(servedFrom) >= 0
          && removedIn.map(removed -> release.compareTo(removed) < 0).orElse(true);
    }
  }

  private static final ApiVersions TABLE = load();

  private final Map<String, List<Entry>> byKind;
  private final Map<String, Version> newest;

  private ApiVersions(Map<String, List<Entry>> byKind, Map<String, Version> newest) {
    this.byKind = byKind;
    this.newest = newest;
  }

  public static ApiVersions table() {
    return TABLE;
  }

  /** The row of {@code group/version} for a kind, when the table knows that kind. */
  public Optional<Entry> entry(String group, String kind, String version) {
    return versions(group, kind).stream().filter(e -> e.version().equals(version)).findFirst();
  }

  /** Every version the table has for a kind, oldest first. */
  public List<Entry> versions(String group, String kind) {
    return byKind.getOrDefault(group + "/" + kind, List.of());
  }

  /** The newest version of a kind that a release serves. */
  public Optional<Entry> newestServed(String group, String kind, Version release) {
    return versions(group, kind).stream()
        .filter(e -> e.servedBy(release))
        .max(Comparator.comparing(Entry::servedFrom));
  }

  /** The newest release of a product the table was read at. */
  public Version newest(String product) {
    return newest.get(product);
  }

  private static ApiVersions load() {
    Map<String, List<Entry>> byKind = new HashMap<>();
    Map<String, Version> newest = new HashMap<>();
    try (InputStream in = ApiVersions.class.getResourceAsStream("api-versions.tsv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        if (cells[0].equals("newest")) {
          newest.put(cells[1], version(cells[2]).orElseThrow());
          continue;
        }
        for (String kind : cells[2].split(",")) {
          byKind
              .computeIfAbsent(cells[1] + "/" + kind, k -> new ArrayList<>())
              .add(
                  new Entry(
                      cells[0],
                      cells[1],
                      kind,
                      cells[3],
                      version(cells[4]).orElseThrow(),
                      version(cells[5]),
                      version(cells[6])));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byKind.values().forEach(list -> list.sort(Comparator.comparing(Entry::servedFrom)));
    return new ApiVersions(Map.copyOf(byKind), Map.copyOf(newest));
  }

  private static Optional<Version> version(String cell) {
    return cell.equals("-") ? Optional.empty() : Version.parse(cell);
  }
}
