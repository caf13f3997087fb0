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
public record Seeds(
    Map<String, Origin> charts, Map<ObjectId, Origin> objects, Set<ObjectId> fromProvider) {
  private static final Pattern RELEASE_NAME =
      Pattern.compile("^\\s*-\\s+name:\\s*[\"']?([\\w.-]+)");
  private static final Pattern CHART = Pattern.compile("^\\s*chart:\\s*[\"']?(\\S+?)[\"']?\\s*$");
  private static final Pattern APPLY =
      Pattern.compile(
          "(?:kubectl\\s+apply|op\\s+inject)[^\\n|;&]*?\\s(?:-f|--filename|-k|--kustomize|-i|--in-file)[ =][\"']?([^\"'\\s|;&]+)"
              + "|sops[ \\t]+(?:--decrypt|-d|exec-file)[ \\t]+(?:--?[\\w-]+(?:[ =][^-\\s]\\S*)?[ \\t]+)*+[\"']?([^\"'\\s|;&]+)");
  private static final Pattern TEMPLATE_ACTION = Pattern.compile("\\{\\{.*?}}|\\{%.*?%}");
  private static final Pattern CREATE_SECRET =
      Pattern.compile(
          "kubectl[ \\t]+create[ \\t]+secret[ \\t]+[\\w-]+((?:[ \\t]+(?:-n|--namespace)[ =]?\\S+|[ \\t]+--[\\w-]+(?:=\\S+)?)*+)[ \\t]+([\\w.-]+)([^\\n]*)");
  private static final Pattern NAMESPACE_FLAG =
      Pattern.compile("(?:-n|--namespace)[ =]?([\\w.-]+)");
  private static final Pattern ROOT_PATH =
      Pattern.compile("[\"']?\\$\\{?ROOT_DIR}?/([^\"'\\s]+\\.ya?ml)");
  private static final Pattern RAW_URL =
      Pattern.compile(
          "https://raw\\.githubusercontent\\.com/[^/\\s]+/[^/\\s]+/[^/\\s]+/(\\S+\\.ya?ml)");
  static final Seeds NONE = new Seeds(Map.of(), Map.of(), Set.of());

  public Seeds {
    charts = Map.copyOf(charts);
    objects = Map.copyOf(objects);
    fromProvider = Set.copyOf(fromProvider);
  }

  /**
   * True when the step that creates the object reads its values from the secret provider ({@code
   * op://} references that {@code op inject} fills): with the provider down it cannot run.
   */
  public boolean needsProvider(ObjectId id) {
    return fromProvider.contains(id)
        || fromProvider.contains(new ObjectId(id.kind(), "", id.name()));
  }

  /** The chart a seed installs, by the name of the chart or release. */
  public Optional<Origin> chart(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    return Optional.ofNullable(charts.get(key))
        .or(() -> Optional.ofNullable(objects.get(new ObjectId("Chart", "", key))));
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
    for (SourceFile file : snapshot.filesWhere(Kind.class, Seeds::seeding)) {
      Kind kind = file.memo().get(Kind.class, () -> Kind.of(file));
      if (kind.bootstrap() && !appliedFiles.contains(file.path())) {
        if (kind.helmfile()) {
          releases(file.path(), file.text(), charts);
        } else {
          documents(file.path(), file.syntax().documents(), objects);
        }
      }
      if (kind.commands()) {
        commands(snapshot, builder, file.text(), objects);
      }
      if (kind.inlineManifests()) {
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
    Set<ObjectId> fromProvider = new java.util.HashSet<>();
    objects.forEach(
        (id, origin) -> {
          String text =
              snapshot
                  .file(origin.file())
                  .map(SourceFile::text)
                  .orElse(snapshot.texts().get(origin.file()));
          if (text != null && text.contains("op://")) {
            fromProvider.add(id);
          }
        });
    return new Seeds(charts, objects, fromProvider);
  }

  /** True when a bootstrap step may seed something from the file: few files are. */
  private static boolean seeding(SourceFile file) {
    Kind kind = file.memo().get(Kind.class, () -> Kind.of(file));
    return kind.bootstrap() || kind.commands() || kind.inlineManifests();
  }

  /**
   * What a file can hold for the seeds, from its path and text alone: read once per version of the
   * file (every render asks of every file, and searching the text of 20,000 files twice was a
   * fortieth of an edit).
   */
  private record Kind(
      boolean bootstrap, boolean helmfile, boolean commands, boolean inlineManifests) {
    static Kind of(SourceFile file) {
      return new Kind(
          Seeds.inBootstrap(file.path()),
          Seeds.helmfile(file.path()),
          isTaskOrScript(file.path()) || file.text().contains("extraManifests"),
          file.text().contains("inlineManifests"));
    }
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
    Origin at = new Origin(file, manifest.meta().anchor());
    objects.putIfAbsent(new ObjectId(manifest.kind(), namespace, manifest.meta().nameText()), at);
    // Rendered chart manifests say which chart or application they come from: its CRDs come
    // with it, and so do those its operator creates when it starts.
    String chart = manifest.meta().labels().get("helm.sh/chart");
    if (chart != null) {
      objects.putIfAbsent(new ObjectId("Chart", "", chart.replaceAll("-v?\\d[\\w.+-]*$", "")), at);
    }
    String application = manifest.meta().labels().get("app.kubernetes.io/part-of");
    if (application != null) {
      objects.putIfAbsent(new ObjectId("Chart", "", application), at);
    }
  }

  /** {@code {{ op://... }}} and Jinja actions become plain text, so the rest reads as YAML. */
  static String untemplated(String text) {
    return TEMPLATE_ACTION.matcher(text).replaceAll("templated");
  }

  /**
   * The files of {@code kubectl apply -f/-k} and {@code op inject -i} commands, the Secrets of
   * {@code kubectl create secret}, the {@code ${ROOT_DIR}/...} files of bootstrap scripts and the
   * {@code raw.githubusercontent.com} manifests of Talos {@code extraManifests} that lie here. A
   * path segment written with a variable matches any folder.
   */
  private static void commands(
      Snapshot snapshot, KustomizeBuilder builder, String text, Map<ObjectId, Origin> objects) {
    String joined = text.replaceAll("\\\\\\r?\\n", " ");
    if (text.contains("kubectl") || text.contains("op inject") || text.contains("sops")) {
      Matcher apply = APPLY.matcher(joined);
      while (apply.find()) {
        String target = apply.group(1) != null ? apply.group(1) : apply.group(2);
        resolveAll(snapshot, target).forEach(p -> applied(snapshot, builder, p, objects));
      }
      Matcher create = CREATE_SECRET.matcher(joined);
      while (create.find()) {
        Matcher namespace = NAMESPACE_FLAG.matcher(create.group(1) + " " + create.group(3));
        String ns = namespace.find() ? namespace.group(1) : "";
        if (!create.group(2).startsWith("-") && !create.group(2).contains("{{")) {
          objects.putIfAbsent(
              new ObjectId("Secret", ns.contains("{{") ? "" : ns, create.group(2)),
              new Origin(".", Range.ZERO));
        }
      }
    }
    Matcher root = ROOT_PATH.matcher(text);
    while (root.find()) {
      resolveAll(snapshot, root.group(1)).forEach(p -> applied(snapshot, builder, p, objects));
    }
    Matcher raw = RAW_URL.matcher(text);
    while (raw.find()) {
      RepositoryPath.normalize(raw.group(1))
          .filter(p -> snapshot.exists(p))
          .ifPresent(p -> applied(snapshot, builder, p, objects));
    }
  }

  /** The paths a command's argument names, with templated segments as wildcards. */
  private static List<String> resolveAll(Snapshot snapshot, String written) {
    if (written.equals("-") || written.contains("://")) {
      return List.of();
    }
    String cleaned = written.replaceAll("^\\./", "");
    if (!cleaned.contains("{{") && !cleaned.contains("$")) {
      return RepositoryPath.normalize(cleaned)
          .filter(snapshot::exists)
          .map(List::of)
          .orElse(List.of());
    }
    // A templated segment ({{.ROOT_DIR}}, ${CLUSTER}) stands for any number of folders.
    List<String> segments = new java.util.ArrayList<>();
    for (String segment : cleaned.split("/")) {
      if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      if (segment.contains("{{") || segment.contains("$")) {
        regex.append(last ? "[^/]+(?:/[^/]+)*" : "(?:[^/]+/)*");
      } else {
        regex.append(Pattern.quote(segment)).append(last ? "" : "/");
      }
    }
    Pattern pattern = Pattern.compile("^" + regex + "$");
    List<String> matches = new java.util.ArrayList<>();
    for (SourceFile file : snapshot.files()) {
      String path = file.path();
      if (pattern.matcher(path).matches()) {
        matches.add(path);
      }
      String folder = file.directory();
      if (pattern.matcher(folder).matches() && !matches.contains(folder)) {
        matches.add(folder);
      }
    }
    return matches.size() > 20 ? List.of() : matches;
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
      KustomizeBuild build = builder.build(Artifact.WORKSPACE, path, FluxOverrides.NONE);
      for (Emitted object : build.objects()) {
        add(object.manifest(), object.namespace().orElse(""), object.file(), objects);
      }
      for (PathReference reference : build.references()) {
        if (reference.status() == PathReference.Status.REMOTE) {
          remoteCrds(reference, objects);
        }
      }
    }
  }

  /**
   * A remote resource named as controller-gen names CRD files ({@code <group>_<plural>.yaml})
   * installs CRDs of that group; another that mentions CRDs may install any.
   */
  private static void remoteCrds(PathReference reference, Map<ObjectId, Origin> objects) {
    String written = reference.written();
    String name = written.substring(written.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    Origin at = new Origin(reference.file(), reference.range());
    Matcher crd =
        Pattern.compile("^([a-z0-9-]+(?:\\.[a-z0-9-]+)+)_[a-z0-9]+\\.ya?ml$").matcher(name);
    if (crd.matches()) {
      objects.putIfAbsent(new ObjectId("CRDs", "", crd.group(1)), at);
    } else if (written.toLowerCase(Locale.ROOT).contains("crd")) {
      objects.putIfAbsent(new ObjectId("CRDs", "", "*"), at);
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
