package dev.strata.model;

import dev.strata.syntax.YamlDocument;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlParser;
import dev.strata.syntax.YamlScalar;
import dev.strata.syntax.YamlSequence;
import dev.strata.text.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one YAML document into the typed record of what it is, or nothing for non-Kubernetes YAML.
 */
public final class ManifestReader {
  /** The names kustomize recognises for a kustomization file, in the order it looks for them. */
  public static final List<String> KUSTOMIZATION_FILE_NAMES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private static final Set<String> SOURCE_KINDS =
      Set.of("GitRepository", "OCIRepository", "HelmRepository", "Bucket", "ExternalArtifact");

  /** Fields of a kustomization file whose effect Strata does not follow. */
  private static final List<String> UNMODELLED_OVERLAY_FIELDS =
      List.of("transformers", "generators", "helmCharts", "helmChartInflationGenerator", "vars");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]+}");
  private static final Pattern REFERENCE =
      Pattern.compile("^\\s*(op://|ref\\+|<path:|vault:|\\{\\{\\s*op://)");
  private static final String ENCRYPTED_PREFIX = "ENC[";

  private ManifestReader() {}

  public static boolean isKustomizationFileName(String fileName) {
    return KUSTOMIZATION_FILE_NAMES.contains(fileName);
  }

  /**
   * True when a repository path names a kustomization file, asked of the path itself: the render
   * asks of every file, and cutting the name out of each path first was 1% of a 20,000-file edit.
   */
  public static boolean isKustomizationFile(String path) {
    for (String name : KUSTOMIZATION_FILE_NAMES) {
      int at = path.length() - name.length();
      if (path.endsWith(name) && (at == 0 || at > 0 && path.charAt(at - 1) == '/')) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads a document of a file named {@code fileName} (the last path segment). The document is read
   * with its secret values masked ({@link SecretValues}), so that no record, the node under {@code
   * ObjectMeta.node} included, holds one; a document that {@code SecretValues.mask(YamlFile)} has
   * already masked is read as it is.
   */
  public static Optional<Manifest> read(YamlDocument original, String fileName) {
    return readMasked(SecretValues.mask(original), fileName);
  }

  /**
   * Reads a document of a file that {@code SecretValues.mask(YamlFile)} returned, as {@link #read}
   * would: masking is idempotent, so masking it again (a walk of every node, a twentieth of a cold
   * check) would change nothing.
   */
  public static Optional<Manifest> readMasked(YamlDocument document, String fileName) {
    Optional<YamlMapping> root = document.mapping();
    if (root.isEmpty()) {
      return Optional.empty();
    }
    Fields fields = Fields.of(root.get());
    Optional<Located<String>> apiVersion = fields.text("apiVersion");
    Optional<Located<String>> kind = fields.text("kind");
    boolean overlayFile = isKustomizationFileName(fileName);
    if (overlayFile
        && apiVersion.map(a -> a.value().startsWith(KustomizeOverlay.GROUP)).orElse(true)) {
      return Optional.of(overlay(meta(fields, document, apiVersion, kind), fields));
    }
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      return Optional.empty();
    }
    ObjectMeta meta = meta(fields, document, apiVersion, kind);
    return Optional.of(typed(meta, fields));
  }

  private static Manifest typed(ObjectMeta meta, Fields fields) {
    String group = meta.group();
    String kind = meta.kind().value();
    if (group.equals(FluxKustomization.GROUP) && kind.equals("Kustomization")) {
      return kustomization(meta, fields);
    }
    if (group.equals(HelmRelease.GROUP) && kind.equals("HelmRelease")) {
      return helmRelease(meta, fields);
    }
    if (group.equals(FluxSource.GROUP) && SOURCE_KINDS.contains(kind)) {
      return new FluxSource(
          meta,
          fields.text("spec", "secretRef", "name"),
          fields.text("spec", "url").or(() -> fields.text("spec", "endpoint")),
          fields.text("spec", "ignore"));
    }
    if (group.equals(ArtifactGenerator.GROUP) && kind.equals("ArtifactGenerator")) {
      return artifactGenerator(meta, fields);
    }
    if (group.equals(FluxInstance.GROUP)) {
      if (kind.equals("FluxInstance")) {
        return fluxInstance(meta, fields.mapping("spec"));
      }
      if (kind.equals(ResourceSet.KIND)) {
        return resourceSet(meta, fields);
      }
    }
    if (group.equals(KustomizeOverlay.GROUP)) {
      return overlay(meta, fields);
    }
    if (group.isEmpty() && kind.equals("Secret")) {
      return secret(meta, fields);
    }
    if (group.equals(ExternalSecret.GROUP)) {
      switch (kind) {
        case "ExternalSecret":
          return externalSecret(meta, fields.mapping("spec"), false);
        case "ClusterExternalSecret":
          return externalSecret(meta, fields.mapping("spec", "externalSecretSpec"), true);
        case "SecretStore":
        case "ClusterSecretStore":
          return store(meta, fields, kind.equals("ClusterSecretStore"));
        default:
          break;
      }
    }
    return new GenericObject(meta);
  }

  private static ObjectMeta meta(
      Fields fields,
      YamlDocument document,
      Optional<Located<String>> apiVersion,
      Optional<Located<String>> kind) {
    Range start = Range.at(fields.mapping().range().start());
    return new ObjectMeta(
        apiVersion.orElse(Located.of("", start)).map(ApiVersion::parse),
        kind.orElse(Located.of("Kustomization", start)),
        fields.text("metadata", "name"),
        fields.text("metadata", "namespace"),
        fields.stringMap("metadata", "labels"),
        fields.stringMap("metadata", "annotations"),
        sops(fields),
        fields.mapping(),
        document.index());
  }

  private static Optional<SopsMetadata> sops(Fields fields) {
    return fields
        .mapping("sops")
        .map(
            sops -> {
              Optional<String> rule = Optional.empty();
              Map<String, String> selection = new LinkedHashMap<>();
              for (String key :
                  List.of(
                      "encrypted_regex",
                      "unencrypted_regex",
                      "encrypted_suffix",
                      "unencrypted_suffix",
                      "encrypted_comment_regex",
                      "unencrypted_comment_regex")) {
                if (sops.text(key).isPresent()) {
                  rule = Optional.of(key);
                  selection.put(key, sops.text(key).get().value());
                }
              }
              return new SopsMetadata(
                  sops.mapping().range(),
                  sops.text("mac").isPresent(),
                  rule,
                  metadataEncrypted(fields),
                  selection);
            });
  }

  private static boolean metadataEncrypted(Fields fields) {
    return fields.text("apiVersion").map(ManifestReader::isEncrypted).orElse(false)
        || fields.text("kind").map(ManifestReader::isEncrypted).orElse(false)
        || fields.node("metadata").map(ManifestReader::containsEncrypted).orElse(false);
  }

  private static boolean isEncrypted(Located<String> text) {
    return text.value().startsWith(ENCRYPTED_PREFIX);
  }

  private static boolean containsEncrypted(YamlNode node) {
    if (node instanceof YamlScalar s) {
      return s.value().startsWith(ENCRYPTED_PREFIX);
    }
    if (node instanceof YamlSequence seq) {
      return seq.items().stream().anyMatch(ManifestReader::containsEncrypted);
    }
    YamlMapping m = (YamlMapping) node;
    return m.entries().stream().anyMatch(e -> containsEncrypted(e.value()));
  }

  private static FluxKustomization kustomization(ObjectMeta meta, Fields fields) {
    return new FluxKustomization(
        meta,
        fields.text("spec", "path"),
        dependsOn(fields),
        fields.mapping("spec", "sourceRef").flatMap(ManifestReader::reference),
        fields.text("spec", "targetNamespace"),
        decryption(fields),
        postBuild(fields),
        patches(fields),
        fields.texts("spec", "components"),
        fields.text("spec", "namePrefix"),
        fields.text("spec", "nameSuffix"),
        fields.flag("spec", "suspend"),
        fields.flag("spec", "wait"),
        references(fields.mappings("spec", "healthChecks")),
        fields.stringMap("spec", "commonMetadata", "labels"));
  }

  private static List<ObjectReference> references(List<Fields> entries) {
    List<ObjectReference> result = new ArrayList<>();
    for (Fields entry : entries) {
      reference(entry).ifPresent(result::add);
    }
    return result;
  }

  /**
   * A FluxInstance from the mapping shaped like its {@code spec}: the document's own, or the {@code
   * instance} values of a flux-instance chart.
   */
  public static FluxInstance fluxInstance(ObjectMeta meta, Optional<Fields> spec) {
    Optional<FluxInstance.Sync> sync =
        spec.flatMap(s -> s.mapping("sync"))
            .flatMap(
                s ->
                    s.text("kind")
                        .or(() -> s.text("path").map(p -> Located.of("GitRepository", p.range())))
                        .map(
                            kind ->
                                new FluxInstance.Sync(
                                    kind,
                                    s.text("url"),
                                    s.text("ref"),
                                    s.text("path"),
                                    s.text("name"),
                                    s.text("pullSecret"))));
    return new FluxInstance(
        meta,
        sync,
        spec.flatMap(s -> s.text("distribution", "version")),
        spec.map(s -> inlinePatches(s.mappings("kustomize", "patches"))).orElse(List.of()));
  }

  private static ArtifactGenerator artifactGenerator(ObjectMeta meta, Fields fields) {
    List<ArtifactGenerator.Source> sources = new ArrayList<>();
    for (Fields source : fields.mappings("spec", "sources")) {
      Optional<Located<String>> alias = source.text("alias");
      Optional<Located<String>> name = source.text("name");
      if (alias.isPresent() && name.isPresent()) {
        sources.add(
            new ArtifactGenerator.Source(
                alias.get().value(),
                source.text("kind").map(Located::value).orElse("GitRepository"),
                name.get().value(),
                source.text("namespace").map(Located::value)));
      }
    }
    List<ArtifactGenerator.Output> artifacts = new ArrayList<>();
    for (Fields artifact : fields.mappings("spec", "artifacts")) {
      Optional<Located<String>> name = artifact.text("name");
      if (name.isEmpty()) {
        continue;
      }
      List<ArtifactGenerator.Copy> copies = new ArrayList<>();
      for (Fields copy : artifact.mappings("copy")) {
        Optional<Located<String>> from = copy.text("from");
        Optional<Located<String>> to = copy.text("to");
        if (from.isPresent() && to.isPresent()) {
          copies.add(new ArtifactGenerator.Copy(from.get().value(), to.get().value()));
        }
      }
      artifacts.add(new ArtifactGenerator.Output(name.get(), copies));
    }
    return new ArtifactGenerator(meta, sources, artifacts);
  }

  private static ResourceSet resourceSet(ObjectMeta meta, Fields fields) {
    List<YamlMapping> inputs = new ArrayList<>();
    for (Fields input : fields.mappings("spec", "inputs")) {
      inputs.add(input.mapping());
    }
    List<YamlNode> resources = new ArrayList<>(fields.items("spec", "resources"));
    for (Fields step : fields.mappings("spec", "steps")) {
      resources.addAll(step.items("resources"));
    }
    return new ResourceSet(
        meta,
        inputs,
        references(fields.mappings("spec", "inputsFrom")),
        fields.text("spec", "inputStrategy", "name").map(Located::value),
        resources,
        fields.text("spec", "resourcesTemplate"),
        references(fields.mappings("spec", "dependsOn")),
        fields.flag("spec", "wait"));
  }

  /** {@code spec.decryption} of a Kustomization document or of a patch body. */
  public static Optional<Decryption> decryption(YamlMapping document) {
    return decryption(Fields.of(document));
  }

  /** {@code spec.postBuild} of a Kustomization document or of a patch body. */
  public static PostBuild postBuild(YamlMapping document) {
    return postBuild(Fields.of(document));
  }

  /**
   * A {@code postBuild} read from the node a JSON 6902 operation sets at {@code /spec/postBuild}.
   */
  public static PostBuild postBuildValue(YamlMapping value) {
    return postBuildFrom(Fields.of(value));
  }

  /**
   * A {@code decryption} read from the node a JSON 6902 operation sets at {@code /spec/decryption}.
   */
  public static Decryption decryptionValue(YamlMapping value) {
    Fields d = Fields.of(value);
    return new Decryption(d.text("provider"), d.text("secretRef", "name"), value.range());
  }

  static Optional<Decryption> decryption(Fields fields) {
    return fields
        .mapping("spec", "decryption")
        .map(
            d ->
                new Decryption(
                    d.text("provider"), d.text("secretRef", "name"), d.mapping().range()));
  }

  private static PostBuild postBuild(Fields fields) {
    return fields
        .mapping("spec", "postBuild")
        .map(ManifestReader::postBuildFrom)
        .orElse(PostBuild.NONE);
  }

  private static PostBuild postBuildFrom(Fields postBuild) {
    List<ObjectReference> from = new ArrayList<>();
    for (Fields entry : postBuild.mappings("substituteFrom")) {
      reference(entry).ifPresent(from::add);
    }
    boolean always =
        postBuild
            .text("substituteStrategy")
            .map(Located::value)
            .filter("Always"::equals)
            .isPresent();
    return new PostBuild(true, postBuild.stringMap("substitute"), from, always);
  }

  private static List<DependencyRef> dependsOn(Fields fields) {
    List<DependencyRef> result = new ArrayList<>();
    for (YamlNode item : fields.items("spec", "dependsOn")) {
      if (item instanceof YamlMapping m) {
        Fields entry = Fields.of(m);
        entry
            .text("name")
            .ifPresent(
                name -> result.add(new DependencyRef(name, entry.text("namespace"), m.range())));
      }
    }
    return result;
  }

  /** A {@code {kind, name, namespace}} reference read from a mapping. */
  public static Optional<ObjectReference> reference(YamlMapping mapping) {
    return reference(Fields.of(mapping));
  }

  private static Optional<ObjectReference> reference(Fields fields) {
    return fields
        .text("name")
        .map(
            name ->
                new ObjectReference(
                    fields.text("kind"), name, fields.text("namespace"), fields.flag("optional")));
  }

  private static List<Patch> patches(Fields fields) {
    return inlinePatches(fields.mappings("spec", "patches"));
  }

  /**
   * Entries with an inline {@code patch:} body, as Flux's {@code spec.patches} and kustomize's
   * {@code patches:} write them.
   */
  private static List<Patch> inlinePatches(List<Fields> entries) {
    List<Patch> result = new ArrayList<>();
    for (Fields entry : entries) {
      Optional<Located<String>> body = entry.text("patch");
      if (body.isEmpty()) {
        continue;
      }
      List<YamlDocument> documents = YamlParser.parse(body.get().value()).documents();
      Optional<YamlNode> root = documents.isEmpty() ? Optional.empty() : documents.get(0).root();
      PatchTarget target =
          entry.mapping("target").map(ManifestReader::target).orElse(PatchTarget.ANY);
      result.add(patch(root, target, entry.mapping().range()));
    }
    return result;
  }

  /**
   * A patch from its parsed body: a strategic merge when it is a mapping, JSON 6902 when a list.
   */
  public static Patch patch(Optional<YamlNode> body, PatchTarget target, Range range) {
    Optional<YamlMapping> merge =
        body.filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast);
    return new Patch(merge, operations(body), target, range);
  }

  /** {@code patches:} entries that name a file, and {@code patchesStrategicMerge:} files. */
  private static List<KustomizeOverlay.PatchFile> patchFiles(Fields fields) {
    List<KustomizeOverlay.PatchFile> result = new ArrayList<>();
    for (Fields entry : fields.mappings("patches")) {
      entry
          .text("path")
          .ifPresent(
              path ->
                  result.add(
                      new KustomizeOverlay.PatchFile(
                          path,
                          entry
                              .mapping("target")
                              .map(ManifestReader::target)
                              .orElse(PatchTarget.ANY))));
    }
    for (Located<String> path : fields.texts("patchesStrategicMerge")) {
      result.add(new KustomizeOverlay.PatchFile(path, PatchTarget.ANY));
    }
    for (Fields entry : fields.mappings("patchesJson6902")) {
      entry
          .text("path")
          .ifPresent(
              path ->
                  result.add(
                      new KustomizeOverlay.PatchFile(
                          path,
                          entry
                              .mapping("target")
                              .map(ManifestReader::target)
                              .orElse(PatchTarget.ANY))));
    }
    return result;
  }

  private static List<Patch.JsonPatchOperation> operations(Optional<YamlNode> root) {
    List<Patch.JsonPatchOperation> result = new ArrayList<>();
    if (root.isPresent() && root.get() instanceof YamlSequence sequence) {
      for (YamlNode item : sequence.items()) {
        if (item instanceof YamlMapping m) {
          Fields op = Fields.of(m);
          if (op.text("op").isPresent() && op.text("path").isPresent()) {
            result.add(
                new Patch.JsonPatchOperation(
                    op.text("op").get().value(), op.text("path").get().value(), op.node("value")));
          }
        }
      }
    }
    return result;
  }

  private static PatchTarget target(Fields target) {
    return new PatchTarget(
        target.text("group").map(Located::value),
        target.text("version").map(Located::value),
        target.text("kind").map(Located::value),
        target.text("name").map(Located::value),
        target.text("namespace").map(Located::value),
        target.text("labelSelector").map(Located::value),
        target.text("annotationSelector").map(Located::value));
  }

  private static HelmRelease helmRelease(ObjectMeta meta, Fields fields) {
    Optional<ObjectReference> chartSource =
        fields
            .mapping("spec", "chartRef")
            .or(() -> fields.mapping("spec", "chart", "spec", "sourceRef"))
            .flatMap(ManifestReader::reference);
    List<ObjectReference> valuesFrom = new ArrayList<>();
    for (Fields entry : fields.mappings("spec", "valuesFrom")) {
      reference(entry).ifPresent(valuesFrom::add);
    }
    return new HelmRelease(
        meta,
        dependsOn(fields),
        fields.text("spec", "targetNamespace"),
        fields.text("spec", "chart", "spec", "chart"),
        chartSource,
        valuesFrom,
        fields.flag("spec", "suspend"),
        !fields.flag("spec", "install", "disableWait"));
  }

  /** The {@code sync.path} a HelmRelease of the flux-instance chart passes to its FluxInstance. */
  public static Optional<Located<String>> instanceSyncPath(HelmRelease release) {
    return Fields.of(release.meta().node()).text("spec", "values", "instance", "sync", "path");
  }

  private static KustomizeOverlay overlay(ObjectMeta meta, Fields fields) {
    List<Located<String>> resources = new ArrayList<>(fields.texts("resources"));
    resources.addAll(fields.texts("bases"));
    List<KustomizeOverlay.GeneratedSecret> generated = new ArrayList<>();
    for (Fields entry : fields.mappings("secretGenerator")) {
      entry
          .text("name")
          .ifPresent(
              name -> {
                List<Located<String>> files = new ArrayList<>(entry.texts("files"));
                files.addAll(entry.texts("envs"));
                generated.add(
                    new KustomizeOverlay.GeneratedSecret(
                        name, entry.text("namespace"), literalKeys(entry), files, behavior(entry)));
              });
    }
    List<KustomizeOverlay.LabelSet> labels = new ArrayList<>();
    Map<String, String> common = fields.stringMap("commonLabels");
    if (!common.isEmpty()) {
      labels.add(new KustomizeOverlay.LabelSet(common, fields.node("commonLabels").get().range()));
    }
    for (Fields entry : fields.mappings("labels")) {
      labels.add(new KustomizeOverlay.LabelSet(entry.stringMap("pairs"), entry.mapping().range()));
    }
    List<KustomizeOverlay.LabelSet> annotations = new ArrayList<>();
    Map<String, String> commonAnnotations = fields.stringMap("commonAnnotations");
    if (!commonAnnotations.isEmpty()) {
      annotations.add(
          new KustomizeOverlay.LabelSet(
              commonAnnotations, fields.node("commonAnnotations").get().range()));
    }
    List<Replacement> replacements = new ArrayList<>();
    List<Located<String>> replacementFiles = new ArrayList<>();
    for (Fields entry : fields.mappings("replacements")) {
      Optional<Located<String>> path = entry.text("path");
      if (path.isPresent()) {
        replacementFiles.add(path.get());
      } else {
        replacement(entry).ifPresent(replacements::add);
      }
    }
    List<String> unmodelled =
        UNMODELLED_OVERLAY_FIELDS.stream().filter(f -> fields.node(f).isPresent()).toList();
    return new KustomizeOverlay(
        meta,
        meta.kind().value().equals("Component"),
        fields.text("namespace"),
        resources,
        fields.texts("components"),
        fields.text("namePrefix"),
        fields.text("nameSuffix"),
        generated,
        configMaps(fields),
        fields.flag("generatorOptions", "disableNameSuffixHash"),
        inlinePatchesAndJson6902(fields),
        patchFiles(fields),
        replacements,
        replacementFiles,
        labels,
        annotations,
        unmodelled);
  }

  private static List<Patch> inlinePatchesAndJson6902(Fields fields) {
    List<Patch> result = new ArrayList<>(inlinePatches(fields.mappings("patches")));
    result.addAll(inlinePatches(fields.mappings("patchesJson6902")));
    return result;
  }

  private static List<KustomizeOverlay.GeneratedConfigMap> configMaps(Fields fields) {
    List<KustomizeOverlay.GeneratedConfigMap> result = new ArrayList<>();
    for (Fields entry : fields.mappings("configMapGenerator")) {
      Optional<Located<String>> name = entry.text("name");
      if (name.isEmpty()) {
        continue;
      }
      Map<String, String> literals = new LinkedHashMap<>();
      for (Located<String> literal : entry.texts("literals")) {
        int equals = literal.value().indexOf('=');
        if (equals > 0) {
          literals.put(literal.value().substring(0, equals), literal.value().substring(equals + 1));
        }
      }
      Map<String, Located<String>> files = new LinkedHashMap<>();
      for (Located<String> file : entry.texts("files")) {
        int equals = file.value().indexOf('=');
        String key =
            equals > 0
                ? file.value().substring(0, equals)
                : file.value().substring(file.value().lastIndexOf('/') + 1);
        files.put(key, Located.of(file.value().substring(equals + 1), file.range()));
      }
      result.add(
          new KustomizeOverlay.GeneratedConfigMap(
              name.get(),
              entry.text("namespace"),
              literals,
              files,
              entry.texts("envs"),
              behavior(entry)));
    }
    return result;
  }

  private static String behavior(Fields entry) {
    return entry.text("behavior").map(Located::value).orElse("create");
  }

  /**
   * The replacements of a {@code replacements:} file: a list of entries shaped like the inline
   * ones.
   */
  public static List<Replacement> replacements(Optional<YamlNode> root) {
    List<Replacement> result = new ArrayList<>();
    if (root.isPresent() && root.get() instanceof YamlSequence sequence) {
      for (YamlNode item : sequence.items()) {
        if (item instanceof YamlMapping m) {
          replacement(Fields.of(m)).ifPresent(result::add);
        }
      }
    }
    return result;
  }

  private static Optional<Replacement> replacement(Fields entry) {
    Optional<Fields> source = entry.mapping("source");
    if (source.isEmpty()) {
      return Optional.empty();
    }
    List<Replacement.Target> targets = new ArrayList<>();
    for (Fields target : entry.mappings("targets")) {
      List<PatchTarget> select = new ArrayList<>();
      target.mapping("select").map(ManifestReader::target).ifPresent(select::add);
      List<PatchTarget> reject = new ArrayList<>();
      for (Fields r : target.mappings("reject")) {
        reject.add(target(r));
      }
      targets.add(
          new Replacement.Target(
              select,
              reject,
              target.texts("fieldPaths").stream().map(Located::value).toList(),
              options(target.mapping("options"))));
    }
    return Optional.of(
        new Replacement(
            new Replacement.Source(
                target(source.get()),
                source.get().text("fieldPath").map(Located::value).orElse("metadata.name"),
                options(source.get().mapping("options"))),
            targets,
            entry.mapping().range()));
  }

  private static Replacement.Options options(Optional<Fields> options) {
    if (options.isEmpty()) {
      return Replacement.Options.NONE;
    }
    int index = 0;
    try {
      index = options.get().text("index").map(t -> Integer.parseInt(t.value().trim())).orElse(0);
    } catch (NumberFormatException e) {
      index = 0;
    }
    return new Replacement.Options(
        options.get().text("delimiter").map(Located::value), index, options.get().flag("create"));
  }

  /**
   * Keys of {@code literals} entries ({@code key=value}); the value is dropped here, never stored.
   */
  private static List<Located<String>> literalKeys(Fields entry) {
    List<Located<String>> keys = new ArrayList<>();
    for (Located<String> literal : entry.texts("literals")) {
      int equals = literal.value().indexOf('=');
      keys.add(
          Located.of(
              equals < 0 ? literal.value() : literal.value().substring(0, equals),
              literal.range()));
    }
    return keys;
  }

  private static SecretManifest secret(ObjectMeta meta, Fields fields) {
    List<SecretManifest.SecretKey> keys = new ArrayList<>();
    secretKeys(fields, "data", false, keys);
    secretKeys(fields, "stringData", true, keys);
    return new SecretManifest(meta, fields.text("type"), keys);
  }

  private static void secretKeys(
      Fields fields, String field, boolean stringData, List<SecretManifest.SecretKey> keys) {
    fields
        .mapping(field)
        .ifPresent(
            data -> {
              for (YamlMapping.Entry entry : data.mapping().entries()) {
                if (entry.key() instanceof YamlScalar key) {
                  keys.add(
                      new SecretManifest.SecretKey(
                          Located.of(key.value(), key.range()),
                          stringData,
                          shape(entry.value()),
                          entry.value().range()));
                }
              }
            });
  }

  /** Classifies a Secret value; the value itself is looked at here and nowhere else. */
  static SecretManifest.ValueShape shape(YamlNode value) {
    if (!(value instanceof YamlScalar scalar)) {
      return SecretManifest.ValueShape.PLAIN;
    }
    String text = scalar.value();
    if (scalar.isNull() || text.isBlank()) {
      return SecretManifest.ValueShape.EMPTY;
    }
    if (text.startsWith(ENCRYPTED_PREFIX)) {
      return SecretManifest.ValueShape.ENCRYPTED;
    }
    if (PLACEHOLDER.matcher(text).find() || text.contains("{{")) {
      return SecretManifest.ValueShape.PLACEHOLDER;
    }
    if (REFERENCE.matcher(text).find()) {
      return SecretManifest.ValueShape.REFERENCE;
    }
    return switch (KeyMaterial.of(text, true)) {
      case PUBLIC -> SecretManifest.ValueShape.PUBLIC;
      case PRIVATE_KEY -> SecretManifest.ValueShape.PRIVATE_KEY;
      case OTHER -> SecretManifest.ValueShape.PLAIN;
    };
  }

  private static ExternalSecret externalSecret(
      ObjectMeta meta, Optional<Fields> specOrEmpty, boolean cluster) {
    Fields spec = specOrEmpty.orElse(Fields.of(new YamlMapping(List.of(), false, meta.range())));
    Optional<Located<String>> target = spec.text("target", "name");
    if (cluster && target.isEmpty()) {
      target = Fields.of(meta.node()).text("spec", "externalSecretName");
    }
    List<ExternalSecret.DataEntry> data = new ArrayList<>();
    List<ExternalSecret.StoreRef> entryStores = new ArrayList<>();
    for (Fields entry : spec.mappings("data")) {
      entry
          .text("secretKey")
          .ifPresent(
              key ->
                  data.add(
                      new ExternalSecret.DataEntry(
                          key,
                          entry.text("remoteRef", "key").map(Located::value),
                          entry.text("remoteRef", "property").map(Located::value))));
      entry
          .mapping("sourceRef", "storeRef")
          .flatMap(ManifestReader::storeRef)
          .ifPresent(entryStores::add);
    }
    for (Fields entry : spec.mappings("dataFrom")) {
      entry
          .mapping("sourceRef", "storeRef")
          .flatMap(ManifestReader::storeRef)
          .ifPresent(entryStores::add);
    }
    List<Located<String>> templateKeys = new ArrayList<>();
    spec.mapping("target", "template", "data")
        .ifPresent(
            m -> {
              for (YamlMapping.Entry entry : m.mapping().entries()) {
                if (entry.key() instanceof YamlScalar key) {
                  templateKeys.add(Located.of(key.value(), key.range()));
                }
              }
            });
    return new ExternalSecret(
        meta,
        cluster,
        spec.mapping("secretStoreRef").flatMap(ManifestReader::storeRef),
        target,
        spec.text("target", "creationPolicy"),
        spec.text("target", "template", "type").map(Located::value),
        spec.stringMap("target", "template", "metadata", "labels"),
        spec.stringMap("target", "template", "metadata", "annotations"),
        templateKeys,
        data,
        !spec.items("dataFrom").isEmpty(),
        !spec.items("target", "template", "templateFrom").isEmpty(),
        entryStores);
  }

  private static Optional<ExternalSecret.StoreRef> storeRef(Fields ref) {
    return ref.text("name").map(name -> new ExternalSecret.StoreRef(name, ref.text("kind")));
  }

  private static SecretStore store(ObjectMeta meta, Fields fields, boolean cluster) {
    Optional<Fields> provider = fields.mapping("spec", "provider");
    Optional<String> providerName =
        provider
            .flatMap(p -> p.mapping().entries().stream().findFirst())
            .flatMap(YamlMapping.Entry::keyText);
    List<ObjectReference> credentials = new ArrayList<>();
    provider.ifPresent(p -> collectSecretRefs(p.mapping(), false, credentials));
    return new SecretStore(meta, cluster, providerName, credentials);
  }

  /**
   * Every mapping under a key named {@code secretRef} or ending in {@code SecretRef} that has a
   * name is a credential Secret; providers nest these differently, so the walk is generic.
   */
  private static void collectSecretRefs(
      YamlNode node, boolean underSecretRef, List<ObjectReference> out) {
    if (node instanceof YamlSequence sequence) {
      sequence.items().forEach(item -> collectSecretRefs(item, underSecretRef, out));
      return;
    }
    if (!(node instanceof YamlMapping mapping)) {
      return;
    }
    if (underSecretRef) {
      Fields fields = Fields.of(mapping);
      fields
          .text("name")
          .ifPresent(
              name ->
                  out.add(new ObjectReference(Optional.empty(), name, fields.text("namespace"))));
    }
    for (YamlMapping.Entry entry : mapping.entries()) {
      String key = entry.keyText().orElse("");
      boolean secretRef = key.equals("secretRef") || key.endsWith("SecretRef");
      collectSecretRefs(entry.value(), secretRef, out);
    }
  }

  /** Labels of a document's metadata, for selectors; exposed for patch targeting. */
  public static Map<String, String> labels(YamlMapping node) {
    return Fields.of(node).stringMap("metadata", "labels");
  }
}
