package dev.strata.model;

import dev.strata.syntax.YamlFile;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlScalar;
import dev.strata.text.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code .strata.yaml}: rule severities, cluster roots, ignored paths and infrastructure layers.
 * Every part is optional; a mistake is recorded as a problem with its position and the default
 * applies.
 */
public record StrataConfig(
    Map<String, Severity> severities,
    Map<String, Range> ruleKeys,
    List<String> roots,
    Map<String, String> sources,
    OutOfBand bootstrap,
    List<String> ignore,
    List<String> infrastructureNamespaces,
    List<String> infrastructurePaths,
    long maxFileSize,
    List<ConfigProblem> problems) {
  public static final long DEFAULT_MAX_FILE_SIZE = 4L * 1024 * 1024;
  public static final StrataConfig DEFAULT =
      new StrataConfig(
          Map.of(),
          Map.of(),
          List.of(),
          Map.of(),
          OutOfBand.NONE,
          List.of(),
          List.of(),
          List.of(),
          DEFAULT_MAX_FILE_SIZE,
          List.of());
  private static final Set<String> KEYS =
      Set.of("rules", "roots", "sources", "bootstrap", "ignore", "layers", "maxFileSize");

  public StrataConfig {
    severities = Map.copyOf(severities);
    ruleKeys = Map.copyOf(ruleKeys);
    roots = List.copyOf(roots);
    sources = Map.copyOf(sources);
    ignore = List.copyOf(ignore);
    infrastructureNamespaces = List.copyOf(infrastructureNamespaces);
    infrastructurePaths = List.copyOf(infrastructurePaths);
    problems = List.copyOf(problems);
  }

  /**
   * Reads a parsed {@code .strata.yaml}. Rule ids are kept as written, with their ranges in {@code
   * ruleKeys}, so that the analysis, which knows the catalogue, can report unknown ones.
   */
  public static StrataConfig read(YamlFile file) {
    List<ConfigProblem> problems = new ArrayList<>();
    Optional<YamlMapping> root =
        file.documents().isEmpty() ? Optional.empty() : file.documents().get(0).mapping();
    if (root.isEmpty()) {
      boolean empty = file.documents().isEmpty() || file.documents().get(0).root().isEmpty();
      if (!empty) {
        problems.add(
            new ConfigProblem(".strata.yaml must be a mapping", file.documents().get(0).range()));
      }
      return DEFAULT.withProblems(problems);
    }
    Fields fields = Fields.of(root.get());
    for (YamlMapping.Entry entry : root.get().entries()) {
      String key = entry.keyText().orElse("");
      if (!KEYS.contains(key)) {
        problems.add(
            new ConfigProblem(
                "unknown setting \""
                    + key
                    + "\"; expected one of "
                    + KEYS.stream().sorted().toList(),
                entry.key().range()));
      }
    }
    Map<String, Range> ruleKeys = new LinkedHashMap<>();
    return new StrataConfig(
        severities(fields, ruleKeys, problems),
        ruleKeys,
        strings(fields, problems, "roots"),
        folders(fields, problems),
        new OutOfBand(
            strings(fields, problems, "bootstrap", "files"),
            strings(fields, problems, "bootstrap", "charts"),
            strings(fields, problems, "bootstrap", "objects")),
        strings(fields, problems, "ignore"),
        strings(fields, problems, "layers", "infrastructure", "namespaces"),
        strings(fields, problems, "layers", "infrastructure", "paths"),
        maxFileSize(fields, problems),
        problems);
  }

  private StrataConfig withProblems(List<ConfigProblem> found) {
    return new StrataConfig(
        severities,
        ruleKeys,
        roots,
        sources,
        bootstrap,
        ignore,
        infrastructureNamespaces,
        infrastructurePaths,
        maxFileSize,
        found);
  }

  private static Map<String, Severity> severities(
      Fields fields, Map<String, Range> ruleKeys, List<ConfigProblem> problems) {
    Map<String, Severity> result = new LinkedHashMap<>();
    Optional<Fields> rules = fields.mapping("rules");
    if (fields.node("rules").isPresent() && rules.isEmpty()) {
      problems.add(
          new ConfigProblem(
              "rules must map rule ids to a severity", fields.node("rules").get().range()));
    }
    rules.ifPresent(
        r -> {
          for (YamlMapping.Entry entry : r.mapping().entries()) {
            String id = entry.keyText().orElse("");
            ruleKeys.put(id, entry.key().range());
            Optional<Severity> severity =
                entry.value() instanceof YamlScalar s
                    ? Severity.parse(s.value())
                    : Optional.empty();
            if (severity.isEmpty()) {
              problems.add(
                  new ConfigProblem(
                      "severity of " + id + " must be error, warning, info, hint or off",
                      entry.value().range()));
            } else {
              result.put(id, severity.get());
            }
          }
        });
    return result;
  }

  private static List<String> strings(Fields fields, List<ConfigProblem> problems, String... path) {
    Optional<dev.strata.syntax.YamlNode> node = fields.node(path);
    if (node.isEmpty()) {
      return List.of();
    }
    if (!(node.get() instanceof dev.strata.syntax.YamlSequence)) {
      problems.add(
          new ConfigProblem(
              String.join(".", path) + " must be a list of strings", node.get().range()));
      return List.of();
    }
    return fields.texts(path).stream().map(Located::value).toList();
  }

  /**
   * What exists before Flux runs, declared in {@code bootstrap:}: manifest files applied by hand or
   * by a script ({@code files}), Helm charts installed before Flux ({@code charts}, with their
   * CRDs), and single objects ({@code objects}, written {@code Kind/namespace/name} or {@code
   * Kind/name}).
   */
  public record OutOfBand(List<String> files, List<String> charts, List<String> objects) {
    public static final OutOfBand NONE = new OutOfBand(List.of(), List.of(), List.of());

    public OutOfBand {
      files = List.copyOf(files);
      charts = List.copyOf(charts);
      objects = List.copyOf(objects);
    }
  }

  /**
   * {@code sources: {NAME: FOLDER}}: the folder of this repository a source's artifact is made of.
   */
  private static Map<String, String> folders(Fields fields, List<ConfigProblem> problems) {
    Optional<dev.strata.syntax.YamlNode> node = fields.node("sources");
    if (node.isEmpty()) {
      return Map.of();
    }
    Map<String, String> result = new LinkedHashMap<>();
    if (!(node.get() instanceof YamlMapping mapping)) {
      problems.add(
          new ConfigProblem(
              "sources must map source names to the folder their artifact is made of",
              node.get().range()));
      return Map.of();
    }
    for (YamlMapping.Entry entry : mapping.entries()) {
      if (entry.keyText().isPresent() && entry.value() instanceof YamlScalar folder) {
        result.put(entry.keyText().get(), folder.value());
      } else {
        problems.add(
            new ConfigProblem(
                "a source's folder must be a path, such as ./kubernetes", entry.value().range()));
      }
    }
    return result;
  }

  private static long maxFileSize(Fields fields, List<ConfigProblem> problems) {
    Optional<Located<String>> text = fields.text("maxFileSize");
    if (text.isEmpty()) {
      return DEFAULT_MAX_FILE_SIZE;
    }
    try {
      long value = Long.parseLong(text.get().value().trim());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below with the value's position.
    }
    problems.add(
        new ConfigProblem("maxFileSize must be a positive number of bytes", text.get().range()));
    return DEFAULT_MAX_FILE_SIZE;
  }

  public Optional<Severity> severity(String ruleId) {
    return Optional.ofNullable(severities.get(ruleId));
  }

  /** A copy whose severities are overridden by the editor's settings. */
  public StrataConfig withSeverities(Map<String, Severity> overrides) {
    Map<String, Severity> merged = new LinkedHashMap<>(severities);
    merged.putAll(overrides);
    return new StrataConfig(
        merged,
        ruleKeys,
        roots,
        sources,
        bootstrap,
        ignore,
        infrastructureNamespaces,
        infrastructurePaths,
        maxFileSize,
        problems);
  }
}
