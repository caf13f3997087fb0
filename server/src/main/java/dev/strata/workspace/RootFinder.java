package dev.strata.workspace;

import dev.strata.model.FluxKustomization;
import dev.strata.model.Manifest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds cluster roots by structure. Every Kustomization of the repository (and every one a
 * FluxInstance or ResourceSet makes) applies the Kustomizations its build holds. A root is a
 * Kustomization, or a group that apply each other (a strongly connected component), that nothing
 * outside applies, and that something applies from outside: itself (a self-applying root, as {@code
 * flux bootstrap} and {@code kubectl apply -k} layouts make) or a FluxInstance's operator. When
 * {@code .strata.yaml} names roots, those are the roots; when nothing in the repository is a root,
 * the Kustomizations that nothing applies are, one cluster per folder, except those a kustomization
 * file beside them leaves out.
 */
final class RootFinder {
  private final Snapshot snapshot;
  private final FluxBuilder builder;
  private final Created created;
  private final Map<KustomizeBuild, Set<String>> objectFiles = new java.util.IdentityHashMap<>();

  /** A Kustomization before any cluster is rendered: its document and what it applies. */
  private static final class Node {
    final Emitted object;
    final Origin origin;
    final List<Node> applies = new ArrayList<>();
    final Map<Node, Emitted> appearances = new LinkedHashMap<>();
    int index = -1;
    int low;
    boolean onStack;
    int component = -1;
    boolean dead;

    Node(Emitted object, Origin origin) {
      this.object = object;
      this.origin = origin;
    }
  }

  /**
   * Where a Kustomization comes from: a document of the repository, the sync of a FluxInstance
   * document (which something outside applies, as a bootstrap helmfile does), or something a build
   * creates.
   */
  private enum Origin {
    DOCUMENT,
    INSTANCE,
    CREATED
  }

  RootFinder(Snapshot snapshot, FluxBuilder builder, Created created) {
    this.snapshot = snapshot;
    this.builder = builder;
    this.created = created;
  }

  /** The identity of a document, shared by every build that holds it. */
  static String key(Emitted object) {
    return object.file()
        + "#"
        + object.manifest().meta().document()
        + "#"
        + object.kind()
        + "/"
        + object.originalName();
  }

  List<ClusterRoot> roots() {
    if (!snapshot.config().roots().isEmpty()) {
      return configured();
    }
    Graph graph = graph(false);
    List<ClusterRoot> roots = structural(graph);
    if (roots.isEmpty()) {
      // A FluxInstance that a HelmRelease or ResourceSet no Kustomization applies may still be
      // installed from outside, as a bootstrap helmfile installs the flux-instance chart.
      graph = graph(true);
      roots = structural(graph);
    }
    return roots.isEmpty() ? unapplied(graph.nodes.values(), graph.applied) : roots;
  }

  private static boolean wholeArtifact(Node node) {
    return ((FluxKustomization) node.object.manifest())
        .path()
        .flatMap(p -> RepositoryPath.normalize(p.value()))
        .orElse("")
        .isEmpty();
  }

  /**
   * A Kustomization written beside the repository's own source, as {@code flux bootstrap} writes
   * {@code gotk-sync.yaml}, is applied from outside even when its folder no longer lists it. One
   * beside another project's source is that project's content (its CRDs, say), not a root.
   */
  private boolean bootstrapped(List<Node> component) {
    if (component.size() != 1 || component.get(0).origin != Origin.DOCUMENT) {
      return false;
    }
    Emitted object = component.get(0).object;
    FluxKustomization kustomization = (FluxKustomization) object.manifest();
    if (kustomization.sourceRef().isEmpty() || component.get(0).dead) {
      return false;
    }
    String name = kustomization.sourceRef().get().name().value();
    String kind = kustomization.sourceRef().get().kindOr("GitRepository");
    boolean own =
        builder
            .sources()
            .entry(kind, name, object.namespace().orElse(""), object.file())
            .map(e -> e.source().own())
            .orElse(false);
    return own
        && snapshot.file(object.file()).stream()
            .flatMap(f -> f.manifests().stream())
            .anyMatch(
                m ->
                    m instanceof dev.strata.model.FluxSource
                        && m.kind().equals(kind)
                        && m.meta().nameText().equals(name));
  }

  /** True when the file holds a Flux Kustomization or a FluxInstance. */
  private static boolean structural(SourceFile file) {
    return file.anyManifest(
        m -> m instanceof FluxKustomization || m instanceof dev.strata.model.FluxInstance);
  }

  /** The applies relation over every Kustomization, and which components something applies. */
  private record Graph(
      Map<String, Node> nodes, Set<Integer> applied, List<List<Node>> components) {}

  private Graph graph(boolean releases) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    Deque<Node> work = new ArrayDeque<>();
    // Most files hold neither a Kustomization nor a FluxInstance: without releases, only those that
    // do are read, from the snapshot's carried facts.
    Iterable<SourceFile> files =
        releases ? snapshot.files() : snapshot.filesWhere(RootFinder.class, RootFinder::structural);
    for (SourceFile file : files) {
      for (Manifest manifest : file.manifests()) {
        boolean kustomization = manifest instanceof FluxKustomization;
        boolean instance = manifest instanceof dev.strata.model.FluxInstance;
        if (!kustomization && !instance && !releases) {
          // Most documents are neither: making each an Emitted was a fiftieth of an edit.
          continue;
        }
        Emitted object = Emitted.of(manifest, file.path());
        if (kustomization) {
          node(nodes, work, object, Origin.DOCUMENT);
        }
        if (!instance && !releases) {
          continue;
        }
        for (Created.Made made : created.expand(List.of(object))) {
          if (made.object().manifest() instanceof FluxKustomization) {
            node(nodes, work, made.object(), Origin.INSTANCE);
          }
        }
      }
    }
    while (!work.isEmpty()) {
      Node node = work.poll();
      if (node.origin == Origin.DOCUMENT && hidden(node.object.file())) {
        // A document its folder's kustomization leaves out (a patch, an entry commented out) is
        // applied by nothing; what its build would hold says nothing about the cluster.
        node.dead = true;
        continue;
      }
      FluxKustomization kustomization = (FluxKustomization) node.object.manifest();
      FluxBuilder.FluxBuild build =
          builder.build(
              kustomization,
              node.object.namespace().orElse(""),
              node.object.file(),
              Substitution.of(kustomization.postBuild()),
              Optional.empty());
      Set<String> made = new HashSet<>();
      build.made().forEach(m -> made.add(key(m.object())));
      for (Emitted object : build.objects()) {
        if (object.manifest() instanceof FluxKustomization) {
          Node target =
              node(
                  nodes,
                  work,
                  object,
                  made.contains(key(object)) ? Origin.CREATED : Origin.DOCUMENT);
          node.applies.add(target);
          target.appearances.putIfAbsent(node, object);
        }
      }
    }
    List<List<Node>> components = components(nodes.values());
    Set<Integer> applied = new HashSet<>();
    for (Node node : nodes.values()) {
      for (Node target : node.dead ? List.<Node>of() : node.applies) {
        if (target.component != node.component) {
          applied.add(target.component);
        }
      }
    }
    return new Graph(nodes, applied, components);
  }

  /**
   * The components that nothing else applies and that something applies from outside: themselves (a
   * self-applying root), a FluxInstance's operator, or a bootstrap that wrote them beside their
   * source.
   */
  private List<ClusterRoot> structural(Graph graph) {
    List<ClusterRoot> roots = new ArrayList<>();
    for (List<Node> component : graph.components()) {
      if (component.stream().allMatch(n -> n.dead)
          || graph.applied().contains(component.get(0).component)) {
        continue;
      }
      // A Kustomization of a whole artifact (an empty path) holds its own definition whatever it
      // is; only one of a folder applies itself in a way that says it roots a cluster.
      boolean selfApplying =
          component.size() > 1
              || (component.get(0).applies.contains(component.get(0))
                  && !wholeArtifact(component.get(0)));
      if (selfApplying) {
        roots.add(root(component, ClusterRoot.Kind.SELF_APPLYING));
      } else if (component.stream().anyMatch(n -> n.origin == Origin.INSTANCE)) {
        roots.add(root(component, ClusterRoot.Kind.FLUX_INSTANCE));
      } else if (bootstrapped(component)) {
        roots.add(root(component, ClusterRoot.Kind.BOOTSTRAP));
      }
    }
    roots.sort(Comparator.comparing(ClusterRoot::name));
    return roots;
  }

  private static Node node(
      Map<String, Node> nodes, Deque<Node> work, Emitted object, Origin origin) {
    String key = key(object);
    Node existing = nodes.get(key);
    if (existing != null) {
      return existing;
    }
    Node node = new Node(object, origin);
    nodes.put(key, node);
    work.add(node);
    return node;
  }

  /**
   * A root component: each member seeded as the component's own builds apply it, so that its
   * identity is the one the cluster gives it.
   */
  private ClusterRoot root(List<Node> component, ClusterRoot.Kind kind) {
    // The cluster is named after its entry: the Kustomization a FluxInstance makes, else one that
    // applies itself, else the first folder.
    Node entry =
        component.stream()
            .filter(n -> n.origin != Origin.DOCUMENT)
            .findFirst()
            .or(() -> component.stream().filter(n -> n.applies.contains(n)).findFirst())
            .orElse(
                component.stream()
                    .min(Comparator.comparing(n -> folderOf(n.object)))
                    .orElseThrow());
    // Every member of a strongly connected component reaches the others, so the render starts at
    // one document, as the component's own builds apply it; the others, including what a
    // FluxInstance makes, are found with their real namespaces on the way.
    Node start =
        component.stream()
            .filter(n -> n.origin == Origin.DOCUMENT)
            .filter(
                n ->
                    n.appearances.keySet().stream()
                        .anyMatch(a -> a.origin != Origin.DOCUMENT && component.contains(a)))
            .findFirst()
            .or(
                () ->
                    component.stream()
                        .filter(n -> n.origin == Origin.DOCUMENT && n.applies.contains(n))
                        .findFirst())
            .or(() -> component.stream().filter(n -> n.origin == Origin.DOCUMENT).findFirst())
            .orElse(entry);
    Optional<Map.Entry<Node, Emitted>> inside =
        start.appearances.entrySet().stream()
            .filter(e -> component.contains(e.getKey()))
            .findFirst();
    ClusterRoot.Seed seed =
        new ClusterRoot.Seed(
            inside.map(Map.Entry::getValue).orElse(start.object),
            inside.map(e -> e.getKey().object));
    Set<String> members = new HashSet<>();
    component.forEach(n -> members.add(key(n.object)));
    String name = builtFolder(entry.object).orElse(folderOf(entry.object));
    return new ClusterRoot(
        kind,
        name.isEmpty() ? "." : name,
        List.of(seed),
        members,
        Optional.of(
            new dev.strata.workspace.Origin(
                entry.object.file(), entry.object.manifest().meta().anchor())));
  }

  /** The workspace folder a Kustomization builds, once its source's artifact is known. */
  private Optional<String> builtFolder(Emitted object) {
    FluxKustomization kustomization = (FluxKustomization) object.manifest();
    return builder
        .build(
            kustomization,
            object.namespace().orElse(""),
            object.file(),
            Substitution.of(kustomization.postBuild()),
            Optional.empty())
        .folder();
  }

  /** The folder a Kustomization builds, for naming the cluster it roots. */
  private static String folderOf(Emitted object) {
    FluxKustomization kustomization = (FluxKustomization) object.manifest();
    return kustomization
        .path()
        .flatMap(p -> RepositoryPath.normalize(p.value()))
        .orElse(SourceFile.directoryOf(object.file()));
  }

  private List<ClusterRoot> configured() {
    List<ClusterRoot> result = new ArrayList<>();
    for (String root : snapshot.config().roots()) {
      Optional<String> path = RepositoryPath.normalize(root);
      if (path.isEmpty()) {
        continue;
      }
      String folder = path.get();
      List<ClusterRoot.Seed> seeds = new ArrayList<>();
      if (snapshot.file(folder).isPresent()) {
        for (Manifest manifest : snapshot.file(folder).get().manifests()) {
          if (manifest instanceof FluxKustomization) {
            seeds.add(new ClusterRoot.Seed(Emitted.of(manifest, folder), Optional.empty()));
          }
        }
      } else {
        String text =
            "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n"
                + "  name: flux-system\n  namespace: flux-system\nspec:\n  path: "
                + Synthetic.quote(folder)
                + "\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n";
        Synthetic.manifest(text, dev.strata.text.Range.ZERO, 0)
            .ifPresent(
                m ->
                    seeds.add(
                        new ClusterRoot.Seed(
                            Emitted.of(m, Snapshot.CONFIG_FILE).inNamespace("flux-system"),
                            Optional.empty())));
      }
      if (!seeds.isEmpty()) {
        result.add(
            new ClusterRoot(
                ClusterRoot.Kind.CONFIGURED,
                folder.isEmpty() ? "." : folder,
                seeds,
                keys(seeds),
                Optional.empty()));
      }
    }
    return result;
  }

  /**
   * Without any root in the repository: the Kustomizations nothing applies, grouped by folder,
   * except those the kustomization file of their folder (or of the nearest folder above) leaves
   * out.
   */
  private List<ClusterRoot> unapplied(java.util.Collection<Node> nodes, Set<Integer> applied) {
    Map<String, List<ClusterRoot.Seed>> groups = new TreeMap<>();
    for (Node node : nodes) {
      if (applied.contains(node.component) || node.origin != Origin.DOCUMENT || node.dead) {
        continue;
      }
      groups
          .computeIfAbsent(SourceFile.directoryOf(node.object.file()), d -> new ArrayList<>())
          .add(new ClusterRoot.Seed(node.object, Optional.empty()));
    }
    List<ClusterRoot> roots = new ArrayList<>();
    groups.forEach(
        (folder, seeds) ->
            roots.add(
                new ClusterRoot(
                    ClusterRoot.Kind.UNAPPLIED,
                    folder.isEmpty() ? "." : folder,
                    seeds,
                    keys(seeds),
                    Optional.empty())));
    return roots;
  }

  /**
   * A file that the nearest kustomization file at or above its folder does not reach is not
   * applied: that kustomization would have to list it.
   */
  private boolean hidden(String file) {
    String folder = SourceFile.directoryOf(file);
    while (true) {
      Optional<String> overlay = builder.kustomize().kustomizationFile(folder);
      if (overlay.isPresent()) {
        KustomizeBuild build =
            builder.kustomize().build(Artifact.WORKSPACE, folder, FluxOverrides.NONE);
        // Every Kustomization document of the folder asks the same build: its objects' files are
        // collected once per build rather than scanned per document.
        return !objectFiles
            .computeIfAbsent(
                build,
                b -> {
                  Set<String> files = new HashSet<>();
                  b.objects().forEach(o -> files.add(o.file()));
                  return files;
                })
            .contains(file);
      }
      if (folder.isEmpty()) {
        return false;
      }
      folder = SourceFile.directoryOf(folder);
    }
  }

  private static Set<String> keys(List<ClusterRoot.Seed> seeds) {
    Set<String> keys = new HashSet<>();
    seeds.forEach(s -> keys.add(key(s.object())));
    return keys;
  }

  /** Tarjan's strongly connected components, iteratively, so deep chains cannot overflow. */
  private static List<List<Node>> components(java.util.Collection<Node> nodes) {
    List<List<Node>> result = new ArrayList<>();
    Deque<Node> stack = new ArrayDeque<>();
    int[] counter = {0};
    for (Node start : nodes) {
      if (start.index >= 0) {
        continue;
      }
      Deque<Object[]> calls = new ArrayDeque<>();
      calls.push(new Object[] {start, 0});
      start.index = start.low = counter[0]++;
      stack.push(start);
      start.onStack = true;
      while (!calls.isEmpty()) {
        Object[] frame = calls.peek();
        Node node = (Node) frame[0];
        int next = (Integer) frame[1];
        if (next < node.applies.size()) {
          frame[1] = next + 1;
          Node target = node.applies.get(next);
          if (target.index < 0) {
            target.index = target.low = counter[0]++;
            stack.push(target);
            target.onStack = true;
            calls.push(new Object[] {target, 0});
          } else if (target.onStack) {
            node.low = Math.min(node.low, target.index);
          }
          continue;
        }
        calls.pop();
        if (!calls.isEmpty()) {
          Node parent = (Node) calls.peek()[0];
          parent.low = Math.min(parent.low, node.low);
        }
        if (node.low == node.index) {
          List<Node> component = new ArrayList<>();
          Node member;
          do {
            member = stack.pop();
            member.onStack = false;
            member.component = result.size();
            component.add(member);
          } while (member != node);
          result.add(component);
        }
      }
    }
    return result;
  }
}
