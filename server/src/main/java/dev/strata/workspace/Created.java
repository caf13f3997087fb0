package dev.strata.workspace;

import dev.strata.model.Fields;
import dev.strata.model.FluxInstance;
import dev.strata.model.HelmRelease;
import dev.strata.model.Located;
import dev.strata.model.Manifest;
import dev.strata.model.ManifestReader;
import dev.strata.model.ObjectMeta;
import dev.strata.model.ObjectReference;
import dev.strata.model.Patch;
import dev.strata.model.PatchTarget;
import dev.strata.model.ResourceSet;
import dev.strata.syntax.YamlDocument;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlNodes;
import dev.strata.syntax.YamlParser;
import dev.strata.syntax.YamlScalar;
import dev.strata.syntax.YamlSequence;
import dev.strata.text.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What controllers create from objects of a build, as further objects of the cluster: the source
 * and Kustomization of a FluxInstance's sync (flux-operator {@code internal/builder/templates.go},
 * {@code syncTmpl}), the FluxInstance a flux-instance HelmRelease renders from its {@code instance}
 * values, and what a ResourceSet renders from inline inputs. A ResourceSet fed by input providers
 * creates what only the cluster knows: nothing is concluded about it.
 */
final class Created {
  /** An object created by another object of the build, at index {@code creator} of that build. */
  record Made(int creator, Emitted object) {}

  private final Snapshot snapshot;

  private final ConfigMaps configMaps = new ConfigMaps();

  Created(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  /**
   * The ConfigMaps of the build list last asked about, by name, indexed as the list grows (expand
   * appends what it creates): a HelmRelease's valuesFrom then costs a lookup, not a pass over the
   * build.
   */
  private static final class ConfigMaps {
    private List<Emitted> list;
    private int indexed;
    private final Map<String, List<Emitted>> byName = new java.util.HashMap<>();

    synchronized List<Emitted> named(List<Emitted> build, String name) {
      if (build != list || indexed > build.size()) {
        list = build;
        indexed = 0;
        byName.clear();
      }
      for (; indexed < build.size(); indexed++) {
        Emitted object = build.get(indexed);
        if (object.kind().equals("ConfigMap")) {
          byName.computeIfAbsent(object.name(), k -> new ArrayList<>()).add(object);
        }
      }
      return List.copyOf(byName.getOrDefault(name, List.of()));
    }
  }

  /**
   * Everything the objects of a build create, transitively; {@code creator} indexes refer to the
   * combined list of the build's objects followed by the created ones.
   */
  List<Made> expand(List<Emitted> objects) {
    List<Emitted> all = new ArrayList<>(objects);
    List<Made> made = new ArrayList<>();
    for (int i = 0; i < all.size() && all.size() < 10_000; i++) {
      for (Emitted created : createdBy(all.get(i), all)) {
        made.add(new Made(i, created));
        all.add(created);
      }
    }
    return made;
  }

  private List<Emitted> createdBy(Emitted object, List<Emitted> build) {
    Manifest manifest = object.manifest();
    if (manifest instanceof FluxInstance instance) {
      return sync(instance, object.namespace().orElse(""), object.file());
    }
    if (manifest instanceof HelmRelease release) {
      String namespace =
          release.targetNamespace().map(Located::value).orElse(object.namespace().orElse(""));
      return instance(release, build, object.namespace().orElse(""))
          .map(i -> List.of(Emitted.of(i.instance(), i.file()).inNamespace(namespace)))
          .orElse(List.of());
    }
    if (manifest instanceof ResourceSet set) {
      return render(set, object).orElse(List.of());
    }
    return List.of();
  }

  /** The source and Kustomization a FluxInstance's sync makes, after its kustomize patches. */
  List<Emitted> sync(FluxInstance instance, String namespace, String file) {
    if (instance.sync().isEmpty()) {
      return List.of();
    }
    FluxInstance.Sync sync = instance.sync().get();
    String kind = sync.kind().value();
    String name = sync.name().map(Located::value).orElse(namespace);
    Range at = sync.path().map(Located::range).orElse(instance.meta().anchor());
    String quotedName = Synthetic.quote(name);
    String metadata =
        "metadata:\n  name: " + quotedName + "\n  namespace: " + Synthetic.quote(namespace) + "\n";
    String source =
        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: "
            + Synthetic.quote(kind)
            + "\n"
            + metadata
            + "spec:\n  "
            + (kind.equals("Bucket") ? "endpoint" : "url")
            + ": "
            + Synthetic.quote(sync.url().map(Located::value).orElse(""))
            + "\n";
    String kustomization =
        "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\n"
            + metadata
            + "spec:\n  interval: 10m0s\n  prune: true\n  path: "
            + Synthetic.quote(sync.path().map(Located::value).orElse(""))
            + "\n  sourceRef:\n    kind: "
            + Synthetic.quote(kind)
            + "\n    name: "
            + quotedName
            + "\n";
    List<Emitted> result = new ArrayList<>();
    int document = instance.meta().document();
    Synthetic.manifest(source, instance.meta().anchor(), document)
        .ifPresent(m -> result.add(Emitted.of(m, file)));
    Synthetic.manifest(kustomization, at, document).ifPresent(m -> result.add(Emitted.of(m, file)));
    for (Patch patch : instance.patches()) {
      SourcedPatch sourced = new SourcedPatch(patch, file);
      result.replaceAll(
          e ->
              patch.target().equals(PatchTarget.ANY) || !Selector.selects(patch.target(), e, true)
                  ? e
                  : Patcher.apply(e, sourced).orElse(e));
    }
    return result;
  }

  /** A FluxInstance and the file its {@code instance} values were read from. */
  record Instance(FluxInstance instance, String file) {}

  /**
   * The FluxInstance a HelmRelease of the flux-instance chart renders: its inline {@code
   * values.instance}, else the {@code instance} of a {@code valuesFrom} ConfigMap of the same
   * build.
   */
  Optional<Instance> instance(HelmRelease release, List<Emitted> build, String namespace) {
    Optional<Fields> inline = inlineInstance(release);
    if (inline.isPresent()) {
      return Optional.of(new Instance(named(release, inline), fileOf(release, build)));
    }
    for (ObjectReference from : release.valuesFrom()) {
      if (!from.kindOr("ConfigMap").equals("ConfigMap")) {
        continue;
      }
      for (Emitted object : configMaps.named(build, from.name().value())) {
        if (object.namespace().orElse(namespace).equals(namespace)) {
          Optional<Instance> found = instanceIn(object, release);
          if (found.isPresent()) {
            return found;
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The {@code values.instance} of a HelmRelease, when it is written inline with a sync. */
  private static Optional<Fields> inlineInstance(HelmRelease release) {
    return Fields.of(release.meta().node())
        .mapping("spec", "values", "instance")
        .filter(instance -> instance.mapping("sync").isPresent());
  }

  private static String fileOf(HelmRelease release, List<Emitted> build) {
    for (Emitted object : build) {
      if (object.manifest() == release) {
        return object.file();
      }
    }
    return "";
  }

  private Optional<Instance> instanceIn(Emitted configMap, HelmRelease release) {
    for (Map.Entry<String, String> data : configMap.dataFiles().entrySet()) {
      Optional<SourceFile> file = snapshot.file(data.getValue());
      if (file.isEmpty() || file.get().syntax().documents().isEmpty()) {
        continue;
      }
      for (YamlDocument document : file.get().syntax().documents()) {
        Optional<Fields> instance = Fields.of(document.root()).flatMap(f -> f.mapping("instance"));
        if (instance.isPresent() && instance.get().mapping("sync").isPresent()) {
          return Optional.of(new Instance(named(release, instance), data.getValue()));
        }
      }
    }
    Optional<Fields> data = Fields.of(configMap.manifest().meta().node()).mapping("data");
    if (data.isPresent()) {
      for (YamlMapping.Entry entry : data.get().mapping().entries()) {
        if (entry.value() instanceof YamlScalar text && text.value().contains("instance")) {
          List<YamlDocument> documents = YamlParser.parse(text.value()).documents();
          if (documents.isEmpty() || documents.get(0).root().isEmpty()) {
            continue;
          }
          YamlNode root = YamlNodes.relocate(documents.get(0).root().get(), text.range());
          Optional<Fields> instance =
              Fields.of(Optional.of(root)).flatMap(f -> f.mapping("instance"));
          if (instance.isPresent() && instance.get().mapping("sync").isPresent()) {
            return Optional.of(new Instance(named(release, instance), configMap.file()));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** A FluxInstance named {@code flux}, as the operator requires, written at the release. */
  private static FluxInstance named(HelmRelease release, Optional<Fields> spec) {
    ObjectMeta meta = release.meta();
    ObjectMeta instanceMeta =
        new ObjectMeta(
            Located.of(
                dev.strata.model.ApiVersion.parse("fluxcd.controlplane.io/v1"), meta.anchor()),
            Located.of("FluxInstance", meta.anchor()),
            Optional.of(Located.of("flux", meta.anchor())),
            Optional.empty(),
            Map.of(),
            Map.of(),
            Optional.empty(),
            spec.map(Fields::mapping).orElse(meta.node()),
            meta.document());
    return ManifestReader.fluxInstance(instanceMeta, spec);
  }

  /**
   * What a ResourceSet renders: {@code resources} and {@code resourcesTemplate} once per inline
   * input (once with no input when it has none), or empty when the inputs come from providers or a
   * template cannot be rendered here.
   */
  Optional<List<Emitted>> render(ResourceSet set, Emitted object) {
    if (!set.inputsFrom().isEmpty()) {
      return Optional.empty();
    }
    List<Map<String, Object>> inputs = new ArrayList<>();
    Map<String, Object> provider = new LinkedHashMap<>();
    provider.put("apiVersion", "fluxcd.controlplane.io/v1");
    provider.put("kind", "ResourceSet");
    provider.put("name", object.name());
    provider.put("namespace", object.namespace().orElse(""));
    for (YamlMapping input : set.inputs()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> values = (Map<String, Object>) value(input);
      values.put("provider", provider);
      inputs.add(values);
    }
    if (inputs.isEmpty()) {
      inputs.add(new LinkedHashMap<>());
    }
    List<Emitted> result = new ArrayList<>();
    for (Map<String, Object> input : inputs) {
      for (YamlNode resource : set.resources()) {
        List<String> failed = new ArrayList<>();
        YamlNode rendered =
            YamlNodes.mapScalars(
                resource,
                text -> {
                  Optional<String> out = InputTemplate.render(text, input);
                  if (out.isEmpty()) {
                    failed.add(text);
                  }
                  return out.orElse(text);
                });
        if (!failed.isEmpty()) {
          return Optional.empty();
        }
        ManifestReader.read(
                new YamlDocument(set.meta().document(), Optional.of(rendered), rendered.range()),
                "generated.yaml")
            .ifPresent(m -> result.add(Emitted.of(m, object.file())));
      }
      if (set.resourcesTemplate().isPresent()) {
        Located<String> template = set.resourcesTemplate().get();
        Optional<String> text = InputTemplate.render(template.value(), input);
        if (text.isEmpty()) {
          return Optional.empty();
        }
        for (YamlDocument document : YamlParser.parse(text.get()).documents()) {
          document
              .root()
              .flatMap(root -> Synthetic.manifest(root, template.range(), set.meta().document()))
              .ifPresent(m -> result.add(Emitted.of(m, object.file())));
        }
      }
    }
    return Optional.of(result);
  }

  /** A node as the plain values a template reads: maps, lists and strings. */
  private static Object value(YamlNode node) {
    if (node instanceof YamlScalar scalar) {
      return scalar.value();
    }
    if (node instanceof YamlSequence sequence) {
      List<Object> items = new ArrayList<>();
      sequence.items().forEach(item -> items.add(value(item)));
      return items;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (YamlMapping.Entry entry : ((YamlMapping) node).entries()) {
      entry.keyText().ifPresent(key -> map.put(key, value(entry.value())));
    }
    return map;
  }
}
