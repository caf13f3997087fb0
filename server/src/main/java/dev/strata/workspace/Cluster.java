package dev.strata.workspace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one cluster root applies, in render order, with indexes by identity, by owner and by
 * file; the path entries its builds met, every file they read, and the objects a single build holds
 * twice. Names resolve only inside a cluster, so {@code clusters/production} and {@code
 * clusters/staging} may reuse them.
 */
public final class Cluster {
  private final ClusterRoot root;
  private final Set<ObjectId> rootIds;
  private final List<Applied> objects;
  private final Map<ObjectId, AppliedKustomization> kustomizations;
  private final List<PathReference> references;
  private final Set<String> files;
  private final List<BuildDuplicate> duplicates;
  private final Map<ObjectId, List<Applied>> byId = new HashMap<>();
  private final Map<ObjectId, List<Applied>> byOwner = new HashMap<>();
  private final Map<String, List<Applied>> byFile = new HashMap<>();

  /**
   * The same object twice in the build of one Kustomization ({@code owner}): kustomize refuses it,
   * so that build fails.
   */
  public record BuildDuplicate(ObjectId owner, ObjectId object, Origin first, Origin second) {}

  Cluster(
      ClusterRoot root,
      Set<ObjectId> rootIds,
      List<Applied> objects,
      Map<ObjectId, AppliedKustomization> kustomizations,
      List<PathReference> references,
      Set<String> files,
      List<BuildDuplicate> duplicates) {
    this.root = root;
    this.rootIds = Set.copyOf(rootIds);
    this.objects = List.copyOf(objects);
    this.kustomizations = new LinkedHashMap<>(kustomizations);
    this.references = List.copyOf(references);
    this.files = Set.copyOf(files);
    this.duplicates = List.copyOf(duplicates);
    for (Applied applied : objects) {
      byId.computeIfAbsent(applied.id(), k -> new ArrayList<>()).add(applied);
      applied
          .owner()
          .ifPresent(o -> byOwner.computeIfAbsent(o, k -> new ArrayList<>()).add(applied));
      byFile.computeIfAbsent(applied.file(), k -> new ArrayList<>()).add(applied);
    }
  }

  public String name() {
    return root.name();
  }

  /**
   * True when the other render of this cluster holds the same objects, Kustomizations, path
   * entries, files and duplicates in the same order: equal records, which compare a shared document
   * by identity first, so that this costs one pass over the objects.
   */
  boolean sameContent(Cluster other) {
    return root.equals(other.root)
        && rootIds.equals(other.rootIds)
        && objects.equals(other.objects)
        && List.copyOf(kustomizations.keySet()).equals(List.copyOf(other.kustomizations.keySet()))
        && List.copyOf(kustomizations.values()).equals(List.copyOf(other.kustomizations.values()))
        && references.equals(other.references)
        && files.equals(other.files)
        && duplicates.equals(other.duplicates);
  }

  /**
   * Gives each file this cluster was rendered from (those its builds read, those of its objects and
   * of its root's seeds), some more than once, without collecting them first.
   */
  void inputs(java.util.function.Consumer<String> into) {
    files.forEach(into);
    byFile.keySet().forEach(into);
    root.seeds().forEach(s -> into.accept(s.object().file()));
  }

  /**
   * True when the render of this cluster read {@code path}: one of the files {@link #inputs} gives,
   * answered without collecting them.
   */
  boolean readFrom(String path) {
    return files.contains(path)
        || byFile.containsKey(path)
        || root.seeds().stream().anyMatch(s -> s.object().file().equals(path));
  }

  public ClusterRoot root() {
    return root;
  }

  /** The Kustomizations that root this cluster. */
  public Set<ObjectId> rootIds() {
    return rootIds;
  }

  public List<Applied> objects() {
    return objects;
  }

  public Collection<AppliedKustomization> kustomizations() {
    return kustomizations.values();
  }

  public Optional<AppliedKustomization> kustomization(ObjectId id) {
    return Optional.ofNullable(kustomizations.get(id));
  }

  public List<PathReference> references() {
    return references;
  }

  /** Every file a build of this cluster reads: kustomization, resource, patch and data files. */
  public Set<String> files() {
    return files;
  }

  public List<BuildDuplicate> duplicates() {
    return duplicates;
  }

  /** Every application of an identity; more than one from different documents is a duplicate. */
  public List<Applied> find(ObjectId id) {
    return byId.getOrDefault(id, List.of());
  }

  public Set<ObjectId> ids() {
    return byId.keySet();
  }

  // The identities of each kind, made when first asked for: of a cluster's tens of thousands of
  // objects, a question about one kind (the spellings near an unknown dependency) reads a few
  // hundred. Made at most once per thread that races for it, and the same every time.
  private volatile Map<String, List<ObjectId>> byKind;

  /** Every identity of one kind applied in this cluster. */
  public List<ObjectId> ids(String kind) {
    Map<String, List<ObjectId>> known = byKind;
    if (known == null) {
      Map<String, List<ObjectId>> made = new HashMap<>();
      for (ObjectId id : byId.keySet()) {
        made.computeIfAbsent(id.kind(), k -> new ArrayList<>()).add(id);
      }
      made.replaceAll((k, ids) -> List.copyOf(ids));
      byKind = known = Map.copyOf(made);
    }
    return known.getOrDefault(kind, List.of());
  }

  /** What a Flux Kustomization (or another applier) applies directly. */
  public List<Applied> appliedBy(ObjectId owner) {
    return byOwner.getOrDefault(owner, List.of());
  }

  public List<Applied> inFile(String file) {
    return byFile.getOrDefault(file, List.of());
  }

  /**
   * The Kustomization that applies an object: its owner, if the owner is a Kustomization of this
   * cluster.
   */
  public Optional<AppliedKustomization> ownerOf(Applied applied) {
    return applied.owner().flatMap(this::kustomization);
  }
}
