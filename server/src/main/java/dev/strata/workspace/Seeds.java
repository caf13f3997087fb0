package dev.strata.workspace;

import dev.strata.model.Manifest;
import dev.strata.model.ManifestReader;
import dev.strata.model.StrataConfig;
import dev.strata.syntax.YamlDocument;
import dev.strata.syntax.YamlParser;
import dev.strata.text.Range;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What exists before Flux reconciles anything, because something outside Flux creates it: the
 * releases of a bootstrap helmfile (their charts, and so their CRDs), the manifests a bootstrap
 * step applies (files under a {@code bootstrap} folder that no cluster applies, {@code *.j2} and
 * {@code *.tpl} templates that {@code op inject} fills, the files of {@code kubectl apply} and
 * {@code op inject} commands in justfiles, Taskfiles, Makefiles and scripts, Talos {@code
 * inlineManifests}), and what {@code .strata.yaml} declares under {@code bootstrap:}. A cycle that
 * only these break is no deadlock, but the cluster then cannot be rebuilt from Git alone.
 */
public record Seeds(Map<String, Origin> charts, Map<ObjectId, Origin> objects) {
  private static final Pattern RELEASE_NAME =
      Pattern.compile("^\\s*-\\s+name:\\s*[\"']?([\\w.-]+)");
  private static final Pattern CHART = Pattern.compile("^\\s*chart:\\s*[\"']?(\\S+?)[\"']?\\s*$");
  private static final Pattern APPLY =
      Pattern.compile(
          "(?:kubectl\\s+apply|op\\s+inject)[^\\n|;&]*?\\s(?:-f|--filename|-k|--kustomize|-i|--in-file)[ =][\"']?([^\"'\\s|;&]+)");
  private static final Pattern TEMPLATE_ACTION = Pattern.compile("\\{\\{.*?}}|\\{%.*?%}");
  static final Seeds NONE = new Seeds(Map.of(), Map.of());

  public Seeds {
    charts = Map.copyOf(charts);
    objects = Map.copyOf(objects);
  }

  /** The chart a seed installs, by the name of the chart or release. */
  public Optional<Origin> chart(String name) {
    return Optional.ofNullable(charts.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Where an object is created before Flux runs, when it is. */
  public Optional<Origin> object(ObjectId id) {
    Origin exact = objects.get(id);
    if (exact != null) {
      return Optional.of(exact);
    }
    return Optional.ofNullable(objects.get(new ObjectId(id.kind(), "", id.name())));
  }

  static Seeds of(Snapshot snapshot, Set<String> appliedFiles, KustomizeBuilder builder) {
    Map<String, Origin> charts = new LinkedHashMap<>();
    Map<ObjectId, Origin> objects = new LinkedHashMap<>();
    StrataConfig.OutOfBand declared = snapshot.config().bootstrap();
    Origin config = new Origin(snapshot.configPath(), Range.ZERO);
    declared.charts().forEach(c -> charts.put(c.toLowerCase(Locale.ROOT), config));
    for (String object : declared.objects()) {
      String[] parts = object.split("/");
      if (parts.length == 2) {
        objects.put(new ObjectId(parts[0], "", parts[1]), config);
      } else if (parts.length == 3) {
        objects.put(new ObjectId(parts[0], parts[1], parts[2]), config);
      }
    }
    for (String file : declared.files()) {
      RepositoryPath.normalize(file).ifPresent(f -> applied(snapshot, builder, f, objects));
    }
    for (SourceFile file : snapshot.files()) {
      if (!appliedFiles.contains(file.path()) && inBootstrap(file.path())) {
        if (helmfile(file.path())) {
          releases(file.path(), file.text(), charts);
        } else {
          documents(file.path(), file.syntax().documents(), objects);
        }
      }
      if (isTaskOrScript(file.path())) {
        commands(snapshot, builder, file.text(), objects);
      }
      if (file.text().contains("inlineManifests")) {
        inlineManifests(file, objects);
      }
    }
    for (Map.Entry<String, String> text : snapshot.texts().entrySet()) {
      String path = text.getKey();
      if (helmfile(path) && inBootstrap(path)) {
        releases(path, text.getValue(), charts);
      } else if ((path.endsWith(".j2") || path.endsWith(".tpl"))
          && (inBootstrap(path) || text.getValue().contains("op://"))) {
        documents(path, YamlParser.parse(untemplated(text.getValue())).documents(), objects);
      }
      commands(snapshot, builder, text.getValue(), objects);
    }
    return new Seeds(charts, objects);
  }

  private static boolean inBootstrap(String path) {
    for (String segment : path.toLowerCase(Locale.ROOT).split("/")) {
      if (segment.equals("bootstrap")) {
        return true;
      }
    }
    return false;
  }

  private static boolean helmfile(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    String name = SourceFile.nameOf(lower);
    return name.startsWith("helmfile")
        || lower.contains("/helmfile.d/")
        || lower.contains("/helmfile/");
  }

  private static boolean isTaskOrScript(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return SourceFile.nameOf(lower).startsWith("taskfile") || lower.startsWith(".taskfiles/");
  }

  /** Release names and charts of a helmfile, read line by line: helmfiles are templates. */
  private static void releases(String path, String text, Map<String, Origin> charts) {
    String[] lines = text.split("\n");
    boolean inReleases = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("releases:")) {
        inReleases = true;
        continue;
      }
      if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("-")) {
        inReleases = false;
      }
      if (!inReleases) {
        continue;
      }
      Origin at = new Origin(path, Range.of(i, 0, i, line.length()));
      Matcher name = RELEASE_NAME.matcher(line);
      if (name.find()) {
        charts.putIfAbsent(name.group(1).toLowerCase(Locale.ROOT), at);
      }
      Matcher chart = CHART.matcher(line);
      if (chart.find() && !chart.group(1).contains("{{")) {
        String value = chart.group(1);
        String last = value.substring(value.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        charts.putIfAbsent(last, at);
      }
    }
  }

  private static void documents(
      String path, List<YamlDocument> documents, Map<ObjectId, Origin> objects) {
    String name = SourceFile.nameOf(path);
    for (YamlDocument document : documents) {
      ManifestReader.read(document, name)
          .filter(m -> !(m instanceof dev.strata.model.KustomizeOverlay))
          .ifPresent(m -> add(m, m.meta().namespaceText().orElse(""), path, objects));
    }
  }

  private static void add(
      Manifest manifest, String namespace, String file, Map<ObjectId, Origin> objects) {
    objects.putIfAbsent(
        new ObjectId(manifest.kind(), namespace, manifest.meta().nameText()),
        new Origin(file, manifest.meta().anchor()));
  }

  /** {@code {{ op://... }}} and Jinja actions become plain text, so the rest reads as YAML. */
  static String untemplated(String text) {
    return TEMPLATE_ACTION.matcher(text).replaceAll("templated");
  }

  /** The files of {@code kubectl apply -f/-k} and {@code op inject -i} commands. */
  private static void commands(
      Snapshot snapshot, KustomizeBuilder builder, String text, Map<ObjectId, Origin> objects) {
    if (!text.contains("kubectl") && !text.contains("op inject")) {
      return;
    }
    Matcher apply = APPLY.matcher(text.replaceAll("\\\\\\r?\\n", " "));
    while (apply.find()) {
      String target = apply.group(1);
      if (target.contains("{{") || target.contains("$") || target.equals("-")) {
        continue;
      }
      RepositoryPath.normalize(target).ifPresent(path -> applied(snapshot, builder, path, objects));
    }
  }

  private static void applied(
      Snapshot snapshot, KustomizeBuilder builder, String path, Map<ObjectId, Origin> objects) {
    Optional<SourceFile> file = snapshot.file(path);
    if (file.isPresent()) {
      documents(path, file.get().syntax().documents(), objects);
      return;
    }
    String template = snapshot.texts().get(path);
    if (template != null) {
      documents(path, YamlParser.parse(untemplated(template)).documents(), objects);
      return;
    }
    if (snapshot.isDirectory(path)) {
      for (Emitted object : builder.build(Artifact.WORKSPACE, path, FluxOverrides.NONE).objects()) {
        add(object.manifest(), object.namespace().orElse(""), object.file(), objects);
      }
    }
  }

  /** Talos {@code inlineManifests}: each entry's {@code contents} is a YAML stream. */
  private static void inlineManifests(SourceFile file, Map<ObjectId, Origin> objects) {
    for (YamlDocument document : file.syntax().documents()) {
      for (dev.strata.syntax.YamlNode node :
          findAll(document.root().orElse(null), "inlineManifests")) {
        if (node instanceof dev.strata.syntax.YamlSequence sequence) {
          for (dev.strata.syntax.YamlNode item : sequence.items()) {
            dev.strata.model.Fields.of(Optional.of(item))
                .flatMap(f -> f.text("contents"))
                .ifPresent(
                    contents ->
                        documents(
                            file.path(),
                            YamlParser.parse(untemplated(contents.value())).documents(),
                            objects));
          }
        }
      }
    }
  }

  private static List<dev.strata.syntax.YamlNode> findAll(
      dev.strata.syntax.YamlNode node, String key) {
    List<dev.strata.syntax.YamlNode> result = new java.util.ArrayList<>();
    java.util.ArrayDeque<dev.strata.syntax.YamlNode> stack = new java.util.ArrayDeque<>();
    if (node != null) {
      stack.push(node);
    }
    while (!stack.isEmpty()) {
      dev.strata.syntax.YamlNode current = stack.pop();
      if (current instanceof dev.strata.syntax.YamlMapping mapping) {
        for (dev.strata.syntax.YamlMapping.Entry entry : mapping.entries()) {
          if (entry.keyText().filter(key::equals).isPresent()) {
            result.add(entry.value());
          }
          stack.push(entry.value());
        }
      } else if (current instanceof dev.strata.syntax.YamlSequence sequence) {
        sequence.items().forEach(stack::push);
      }
    }
    return result;
  }
}
