package dev.strata.analysis.fix;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.ClusterFacts;
import dev.strata.analysis.Finding;
import dev.strata.analysis.Need;
import dev.strata.model.ExternalSecret;
import dev.strata.model.KustomizeOverlay;
import dev.strata.model.Located;
import dev.strata.model.Manifest;
import dev.strata.model.SopsConfig;
import dev.strata.syntax.YamlDocument;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlScalar;
import dev.strata.syntax.YamlSequence;
import dev.strata.text.Range;
import dev.strata.workspace.Applied;
import dev.strata.workspace.AppliedKustomization;
import dev.strata.workspace.Cluster;
import dev.strata.workspace.Dependency;
import dev.strata.workspace.ObjectId;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Moves a secret from External Secrets to SOPS in one step: writes the plaintext stub beside the
 * ExternalSecret, swaps it into the {@code resources:} that listed the ExternalSecret, deletes the
 * ExternalSecret (its file, or only its document), adds {@code spec.decryption} to the
 * Kustomization that applies it when it has none, and drops that Kustomization's {@code dependsOn}
 * on External Secrets when nothing it still applies needs them. The stub stays flagged by {@code
 * unencrypted-secret} until {@code sops --encrypt --in-place} runs.
 */
public final class ConvertToSopsFix implements FixBuilder {
  static final String TITLE = "Convert to SOPS Secret";
  private static final Set<String> FOREIGN_POLICIES = Set.of("Merge", "Orphan", "None");

  private final String rule;

  public ConvertToSopsFix(String rule) {
    this.rule = rule;
  }

  @Override
  public String rule() {
    return rule;
  }

  @Override
  public List<Fix> fixes(Analysis analysis, Finding finding) {
    Optional<SourceFile> file = analysis.snapshot().file(finding.file());
    if (file.isEmpty()) {
      return List.of();
    }
    for (Manifest manifest : file.get().manifests()) {
      if (manifest instanceof ExternalSecret secret
          && !secret.cluster()
          && secret.meta().range().contains(finding.range().start())) {
        return convert(analysis, file.get(), secret, true, false).map(List::of).orElse(List.of());
      }
    }
    return List.of();
  }

  /**
   * The conversion of every ExternalSecret whose document overlaps a range, offered without a
   * finding.
   */
  static List<Fix> refactors(Analysis analysis, String path, Range range) {
    Optional<SourceFile> file = analysis.snapshot().file(path);
    List<Fix> fixes = new ArrayList<>();
    for (Manifest manifest : file.map(SourceFile::manifests).orElse(List.of())) {
      if (manifest instanceof ExternalSecret secret
          && !secret.cluster()
          && overlaps(secret.meta().range(), range)) {
        convert(analysis, file.get(), secret, false, true).ifPresent(fixes::add);
      }
    }
    return fixes;
  }

  private static boolean overlaps(Range a, Range b) {
    return a.start().compareTo(b.end()) <= 0 && b.start().compareTo(a.end()) <= 0;
  }

  static Optional<Fix> convert(
      Analysis analysis,
      SourceFile file,
      ExternalSecret secret,
      boolean preferred,
      boolean refactor) {
    Snapshot snapshot = analysis.snapshot();
    YamlText text = new YamlText(file);
    String stub = stubPath(snapshot, file.directory(), secret);
    Changes changes = new Changes();
    changes.create(stub, SopsStub.text(secret, text.indentUnit(), text.newline()));
    boolean wholeFile =
        file.syntax().documents().stream()
            .noneMatch(d -> d.root().isPresent() && d.index() != secret.meta().document());
    if (wholeFile) {
      changes.delete(file.path());
    } else {
      deleteDocument(changes.edits(file), secret.meta().document());
    }
    swapResources(analysis, changes, file.path(), stub, wholeFile);
    List<String> notes = new ArrayList<>();
    for (Owner owner : owners(analysis, file, secret)) {
      notes.addAll(adjustOwner(analysis, changes, owner));
    }
    secret
        .creationPolicy()
        .map(Located::value)
        .filter(FOREIGN_POLICIES::contains)
        .ifPresent(
            p -> notes.add("creationPolicy " + p + ": the Secret will now be owned by Flux"));
    String title =
        TITLE + " " + name(stub) + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
    return changes.fix(title, preferred, refactor);
  }

  /**
   * {@code secret.sops.yaml} beside the ExternalSecret, or a name the nearest {@code .sops.yaml}
   * expects.
   */
  static String stubPath(Snapshot snapshot, String directory, ExternalSecret secret) {
    String base =
        secret.meta().nameText().isEmpty() ? secret.targetName() : secret.meta().nameText();
    List<String> stems = new ArrayList<>(List.of("secret", base));
    for (int n = 2; n <= 9; n++) {
      stems.add(base + "-" + n);
    }
    Optional<SopsConfig> config = snapshot.sopsConfigFor(join(directory, "secret.sops.yaml"));
    boolean constrained =
        config.isPresent()
            && !config.get().rules().isEmpty()
            && config.get().ruleFor(join(directory, "secret.sops.yaml")).isEmpty();
    List<String> extensions =
        constrained
            ? List.of(
                ".sops.yaml",
                ".sops.yml",
                ".enc.yaml",
                ".secret.yaml",
                ".secret.sops.yaml",
                ".yaml")
            : List.of(".sops.yaml");
    List<String> candidates = new ArrayList<>();
    for (String stem : stems) {
      for (String extension : extensions) {
        candidates.add(join(directory, stem + extension));
      }
    }
    return candidates.stream()
        .filter(c -> !snapshot.exists(c))
        .filter(c -> !constrained || config.get().ruleFor(c).isPresent())
        .findFirst()
        .or(
            () ->
                candidates.stream()
                    .filter(c -> c.endsWith(".sops.yaml") && !snapshot.exists(c))
                    .findFirst())
        .orElse(join(directory, base + ".sops.yaml"));
  }

  /** Deletes one document of a multi-document file, from its {@code ---} line to the next one. */
  static void deleteDocument(FileEdits edits, int document) {
    YamlText text = edits.source();
    List<YamlDocument> documents = text.file().syntax().documents();
    int startLine =
        documents.stream()
            .filter(d -> d.index() == document)
            .findFirst()
            .orElseThrow()
            .range()
            .start()
            .line();
    int from = 0;
    int to = text.lineCount();
    for (int line = 0; line < text.lineCount(); line++) {
      if (isSeparator(text.line(line))) {
        if (line <= startLine) {
          from = line;
        } else {
          to = line;
          break;
        }
      }
    }
    int end = to < text.lineCount() ? text.lineStart(to) : text.text().length();
    edits.delete(text.lineStart(from), end);
  }

  private static boolean isSeparator(String line) {
    return line.startsWith("---") && (line.length() == 3 || Character.isWhitespace(line.charAt(3)));
  }

  /** Every {@code resources:} entry that names the ExternalSecret's file now names the stub. */
  private static void swapResources(
      Analysis analysis, Changes changes, String secretPath, String stub, boolean wholeFile) {
    for (Listing listing : listings(analysis).getOrDefault(secretPath, List.of())) {
      swapResources(changes, listing.file(), listing.overlay(), secretPath, stub, wholeFile);
    }
  }

  /** A kustomization file that lists a path among its {@code resources}. */
  private record Listing(SourceFile file, KustomizeOverlay overlay) {}

  private static final Object LISTINGS = new Object();

  /**
   * Every kustomization file of the snapshot by the paths its {@code resources} list, read once per
   * analysis: a run that offers the fix for each of hundreds of findings would otherwise read every
   * file for each.
   */
  private static Map<String, List<Listing>> listings(Analysis analysis) {
    return analysis.derived(
        LISTINGS,
        () -> {
          Map<String, List<Listing>> result = new HashMap<>();
          for (SourceFile file : analysis.snapshot().files()) {
            for (Manifest manifest : file.manifests()) {
              if (manifest instanceof KustomizeOverlay overlay) {
                Set<String> listed = new HashSet<>();
                for (Located<String> resource : overlay.resources()) {
                  String path = normalize(join(file.directory(), resource.value()));
                  if (listed.add(path)) {
                    result
                        .computeIfAbsent(path, p -> new ArrayList<>())
                        .add(new Listing(file, overlay));
                  }
                }
              }
            }
          }
          return result;
        });
  }

  private static void swapResources(
      Changes changes,
      SourceFile file,
      KustomizeOverlay overlay,
      String secretPath,
      String stub,
      boolean wholeFile) {
    String directory = file.directory();
    boolean stubListed =
        overlay.resources().stream()
            .anyMatch(r -> normalize(join(directory, r.value())).equals(stub));
    Optional<YamlMapping.Entry> entry = overlay.meta().node().entry("resources");
    if (entry.isEmpty() || !(entry.get().value() instanceof YamlSequence sequence)) {
      return;
    }
    for (Located<String> resource : overlay.resources()) {
      if (!normalize(join(directory, resource.value())).equals(secretPath)) {
        continue;
      }
      Optional<YamlScalar> item =
          sequence.items().stream()
              .filter(i -> i instanceof YamlScalar && i.range().equals(resource.range()))
              .map(YamlScalar.class::cast)
              .findFirst();
      if (item.isEmpty()) {
        continue;
      }
      FileEdits edits = changes.edits(file);
      String replacement = replaceLastSegment(resource.value(), name(stub));
      if (wholeFile && stubListed) {
        YamlEdits.removeItems(edits, overlay.meta().node(), entry.get(), Set.of(item.get()));
      } else if (wholeFile) {
        edits.replace(
            edits.source().innerStart(item.get()),
            edits.source().innerEnd(item.get()),
            replacement);
      } else if (!stubListed) {
        addResourceAfter(edits, sequence, item.get(), replacement);
      }
      stubListed = true;
    }
  }

  static void addResourceAfter(
      FileEdits edits, YamlSequence sequence, YamlScalar item, String value) {
    YamlText text = edits.source();
    String quote =
        item.style() == YamlScalar.Style.SINGLE_QUOTED
            ? "'"
            : item.style() == YamlScalar.Style.DOUBLE_QUOTED ? "\"" : "";
    if (sequence.flow()) {
      edits.insert(text.offset(item.range().end()), ", " + quote + value + quote);
      return;
    }
    int line = item.range().start().line();
    String prefix = text.text().substring(text.lineStart(line), text.offset(item.range().start()));
    YamlEdits.insertLinesAfter(edits, line, List.of(prefix + quote + value + quote));
  }

  /** One Kustomization that applies the ExternalSecret, in one cluster. */
  private record Owner(Cluster cluster, Applied secret, AppliedKustomization kustomization) {}

  private static List<Owner> owners(Analysis analysis, SourceFile file, ExternalSecret secret) {
    Map<String, Owner> owners = new LinkedHashMap<>();
    for (Cluster cluster : analysis.clusters()) {
      for (Applied applied : cluster.inFile(file.path())) {
        if (applied.meta().document() == secret.meta().document()) {
          cluster
              .ownerOf(applied)
              .ifPresent(
                  k ->
                      owners.putIfAbsent(
                          k.applied().file() + "#" + k.applied().meta().document(),
                          new Owner(cluster, applied, k)));
        }
      }
    }
    return new ArrayList<>(owners.values());
  }

  /**
   * Adds decryption and removes dependsOn on External Secrets; returns what the title should
   * mention.
   */
  private static List<String> adjustOwner(Analysis analysis, Changes changes, Owner owner) {
    Optional<SourceFile> file = analysis.snapshot().file(owner.kustomization().applied().file());
    if (file.isEmpty()) {
      return List.of();
    }
    List<String> notes = new ArrayList<>();
    KustomizationEdits edits =
        new KustomizationEdits(
            changes.edits(file.get()), owner.kustomization().applied().meta().node());
    if (owner.kustomization().decryption().map(d -> !d.isSops()).orElse(true)) {
      String secret = AddDecryptionFix.secretName(analysis.snapshot());
      if (edits.addDecryption(secret)) {
        notes.add("adds spec.decryption to " + owner.kustomization().id().qualifiedName());
      }
    }
    List<Dependency> removable = removableDependencies(analysis, owner);
    if (!removable.isEmpty()
        && edits.removeDependencies(removable.stream().map(Dependency::ref).toList())) {
      notes.add(
          "removes dependsOn on "
              + String.join(
                  ", ", removable.stream().map(d -> d.target().qualifiedName()).toList()));
    }
    return notes;
  }

  /**
   * The owner's entries on the External Secrets operator, store and Connect Kustomizations that
   * nothing it still applies needs once this ExternalSecret is gone.
   */
  static List<Dependency> removableDependencies(Analysis analysis, Owner owner) {
    ClusterFacts facts = analysis.facts(owner.cluster());
    ObjectId id = owner.kustomization().id();
    Set<ObjectId> externalSecrets = new LinkedHashSet<>(facts.operators());
    externalSecrets.addAll(facts.stores().values());
    externalSecrets.addAll(facts.connectServers());
    if (externalSecrets.contains(id)) {
      return List.of();
    }
    boolean otherExternalSecret =
        owner.cluster().appliedBy(id).stream()
            .anyMatch(a -> a != owner.secret() && a.manifest() instanceof ExternalSecret);
    if (otherExternalSecret) {
      return List.of();
    }
    Set<ObjectId> stillNeeded = new HashSet<>();
    for (Need need : analysis.needs(owner.cluster()).crossings(id)) {
      if (need.consumer() != owner.secret()) {
        stillNeeded.add(need.provider());
      }
    }
    List<Dependency> result = new ArrayList<>();
    for (Dependency dependency : analysis.graph(owner.cluster()).dependencies(id)) {
      if (externalSecrets.contains(dependency.target())
          && !stillNeeded.contains(dependency.target())
          && dependency.file().equals(owner.kustomization().applied().file())) {
        result.add(dependency);
      }
    }
    return result;
  }

  static String join(String directory, String name) {
    return directory.isEmpty() ? name : directory + "/" + name;
  }

  static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String replaceLastSegment(String entry, String name) {
    int slash = entry.lastIndexOf('/');
    return slash < 0 ? name : entry.substring(0, slash + 1) + name;
  }

  /** A repository-relative path with {@code .} and {@code ..} segments resolved. */
  static String normalize(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..") && !parts.isEmpty()) {
        parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }
}
