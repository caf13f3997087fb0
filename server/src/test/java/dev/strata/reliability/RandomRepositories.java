package dev.strata.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Structure-aware random Flux repositories: clusters with a bootstrap {@code flux-system}, Flux
 * Kustomizations with random names, namespaces, paths (missing, climbing, shared) and {@code
 * dependsOn} edges (cycles, dangling, cross-namespace), kustomize overlays, HelmReleases, Secrets
 * (plain, SOPS, placeholders), ExternalSecrets and stores, with {@code ${VAR}} names and postBuild
 * substitution. Names come from small pools so that collisions, duplicates and near misses are
 * common.
 */
final class RandomRepositories {
  private RandomRepositories() {}

  static final List<String> NAMES =
      List.of(
          "apps",
          "db",
          "cache",
          "ceph-csi",
          "external-secrets",
          "stores",
          "cert-manager",
          "web",
          "${APP}",
          "flux-system");
  static final List<String> NAMESPACES =
      List.of("flux-system", "default", "storage", "external-secrets", "${NS}", "db");

  record App(
      String name,
      String namespace,
      String path,
      List<String> dependsOn,
      List<String> dependsNamespaces,
      int kind,
      String secret,
      int secretShape,
      String store,
      boolean clusterStore,
      boolean decryption,
      boolean target,
      String var) {}

  static Arbitrary<App> apps() {
    Arbitrary<String> name = Arbitraries.of(NAMES);
    Arbitrary<String> namespace = Arbitraries.of(NAMESPACES);
    Arbitrary<String> path =
        Arbitraries.of("own", "own", "own", "missing", "climb", "shared", "root", "${PATH}");
    List<Arbitrary<Object>> parts =
        List.of(
            name.asGeneric(),
            namespace.asGeneric(),
            path.asGeneric(),
            name.list().ofMaxSize(3).asGeneric(),
            namespace.list().ofMaxSize(3).asGeneric(),
            Arbitraries.integers().between(0, 5).asGeneric(),
            name.asGeneric(),
            Arbitraries.integers().between(0, 5).asGeneric(),
            name.asGeneric(),
            Arbitraries.of(true, false).asGeneric(),
            Arbitraries.of(true, false).asGeneric(),
            Arbitraries.of(true, false).asGeneric(),
            Arbitraries.of("", "${CLUSTER}", "${APP:=web}").asGeneric());
    return Combinators.combine(parts)
        .as(
            v ->
                new App(
                    (String) v.get(0),
                    (String) v.get(1),
                    (String) v.get(2),
                    cast(v.get(3)),
                    cast(v.get(4)),
                    (Integer) v.get(5),
                    (String) v.get(6),
                    (Integer) v.get(7),
                    (String) v.get(8),
                    (Boolean) v.get(9),
                    (Boolean) v.get(10),
                    (Boolean) v.get(11),
                    (String) v.get(12)));
  }

  @SuppressWarnings("unchecked")
  private static List<String> cast(Object value) {
    return (List<String>) value;
  }

  /** One or two clusters sharing the app folders, each applying a random subset. */
  static Arbitrary<Map<String, String>> repositories() {
    return Combinators.combine(
            apps().list().ofMinSize(1).ofMaxSize(10),
            Arbitraries.integers().between(1, 2),
            Arbitraries.of(true, false))
        .as(RandomRepositories::files);
  }

  static Map<String, String> files(List<App> apps, int clusters, boolean strataConfig) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int c = 0; c < clusters; c++) {
      String cluster = "clusters/c" + c;
      files.put(
          cluster + "/flux-system/gotk-sync.yaml",
          fluxKustomization(
              "flux-system", "flux-system", "./" + cluster, List.of(), List.of(), false, "", ""));
      List<String> resources = new ArrayList<>();
      for (int i = c; i < apps.size(); i += clusters) {
        resources.add("../../apps/a" + i + "/ks.yaml");
      }
      resources.add("./flux-system/gotk-sync.yaml");
      files.put(cluster + "/kustomization.yaml", overlay(resources, ""));
    }
    for (int i = 0; i < apps.size(); i++) {
      App app = apps.get(i);
      String folder = "apps/a" + i;
      String path =
          switch (app.path()) {
            case "own" -> "./" + folder + "/app";
            case "missing" -> "./" + folder + "/nowhere";
            case "climb" -> "../../" + folder;
            case "shared" -> "./apps/a0/app";
            case "root" -> "./";
            default -> app.path();
          };
      files.put(
          folder + "/ks.yaml",
          fluxKustomization(
              app.name() + app.var(),
              app.namespace(),
              path,
              app.dependsOn(),
              app.dependsNamespaces(),
              app.decryption(),
              app.target() ? app.namespace() : "",
              app.var()));
      List<String> resources = new ArrayList<>(List.of("./release.yaml", "./secret.yaml"));
      if (app.kind() % 2 == 0) {
        resources.add("./missing.yaml");
      }
      files.put(
          folder + "/app/kustomization.yaml",
          overlay(resources, app.kind() == 3 ? app.namespace() : ""));
      files.put(folder + "/app/release.yaml", helmRelease(app));
      files.put(
          folder + "/app/" + (app.secretShape() == 1 ? "secret.sops.yaml" : "secret.yaml"),
          secret(app));
      if (app.kind() >= 4) {
        files.put(folder + "/app/store.yaml", store(app));
      }
    }
    if (strataConfig) {
      files.put(
          ".strata.yaml",
          "rules:\n  missing-dependency: warning\nlayers:\n  infrastructure:\n    namespaces: [storage]\n");
    }
    files.put(
        ".sops.yaml",
        "creation_rules:\n  - path_regex: apps/.*\\.sops\\.yaml\n    encrypted_regex: ^(data|stringData)$\n    age: age1x\n");
    return files;
  }

  static String fluxKustomization(
      String name,
      String namespace,
      String path,
      List<String> dependsOn,
      List<String> namespaces,
      boolean decryption,
      String targetNamespace,
      String var) {
    StringBuilder text =
        new StringBuilder(
                "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: ")
            .append(name)
            .append("\n  namespace: ")
            .append(namespace)
            .append("\nspec:\n  interval: 10m\n  path: ")
            .append(path)
            .append(
                "\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n    namespace: flux-system\n");
    if (!targetNamespace.isEmpty()) {
      text.append("  targetNamespace: ").append(targetNamespace).append('\n');
    }
    if (!dependsOn.isEmpty()) {
      text.append("  dependsOn:\n");
      for (int i = 0; i < dependsOn.size(); i++) {
        text.append("    - name: ").append(dependsOn.get(i)).append('\n');
        if (i < namespaces.size()) {
          text.append("      namespace: ").append(namespaces.get(i)).append('\n');
        }
      }
    }
    if (decryption) {
      text.append("  decryption:\n    provider: sops\n    secretRef:\n      name: sops-age\n");
    }
    if (!var.isEmpty()) {
      text.append(
          "  postBuild:\n    substitute:\n      APP: web\n      CLUSTER: c0\n    substituteFrom:\n      - kind: ConfigMap\n        name: cluster-settings\n");
    }
    return text.toString();
  }

  static String overlay(List<String> resources, String namespace) {
    StringBuilder text =
        new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n");
    if (!namespace.isEmpty()) {
      text.append("namespace: ").append(namespace).append('\n');
    }
    text.append("resources:\n");
    resources.forEach(r -> text.append("  - ").append(r).append('\n'));
    return text.toString();
  }

  static String helmRelease(App app) {
    return "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: "
        + app.name()
        + "\nspec:\n  interval: 1h\n"
        + "  chart:\n    spec:\n      chart: "
        + app.name()
        + "\n      sourceRef:\n        kind: HelmRepository\n        name: charts\n"
        + "  valuesFrom:\n    - kind: Secret\n      name: "
        + app.secret()
        + "\n"
        + "  values:\n    existingSecret: "
        + app.secret()
        + "\n    storageClass: cephfs\n";
  }

  static String secret(App app) {
    return switch (app.secretShape()) {
      case 0 ->
          "apiVersion: v1\nkind: Secret\nmetadata:\n  name: "
              + app.secret()
              + "\nstringData:\n  password: hunter2\n";
      case 1 ->
          "apiVersion: v1\nkind: Secret\nmetadata:\n  name: "
              + app.secret()
              + "\nstringData:\n  password: ENC[AES256_GCM,data:x,type:str]\n"
              + "sops:\n  mac: ENC[AES256_GCM,data:y,type:str]\n  encrypted_regex: ^(data|stringData)$\n";
      case 2 ->
          "apiVersion: v1\nkind: Secret\nmetadata:\n  name: "
              + app.secret()
              + "\nstringData:\n  password: ${PASSWORD}\n";
      case 3 ->
          "apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: "
              + app.secret()
              + "\nspec:\n  secretStoreRef:\n"
              + "    kind: "
              + (app.clusterStore() ? "ClusterSecretStore" : "SecretStore")
              + "\n    name: "
              + app.store()
              + "\n  target:\n    name: "
              + app.secret()
              + "\n  data:\n    - secretKey: password\n      remoteRef:\n        key: "
              + app.name()
              + "\n";
      case 4 ->
          "apiVersion: v1\nkind: Secret\nmetadata:\n  name: "
              + app.secret()
              + "\ndata:\n  password: aHVudGVyMg==\n"
              + "---\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: cephfs\nprovisioner: cephfs.csi.ceph.com\n"
              + "parameters:\n  csi.storage.k8s.io/provisioner-secret-name: "
              + app.secret()
              + "\n  csi.storage.k8s.io/provisioner-secret-namespace: "
              + app.namespace()
              + "\n";
      default ->
          "apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: "
              + app.secret()
              + "\nspec:\n"
              + "  secretStoreRef:\n    name: "
              + app.store()
              + "\n  dataFrom:\n    - extract:\n        key: "
              + app.name()
              + "\n";
    };
  }

  static String store(App app) {
    return "apiVersion: external-secrets.io/v1\nkind: "
        + (app.clusterStore() ? "ClusterSecretStore" : "SecretStore")
        + "\nmetadata:\n  name: "
        + app.store()
        + "\nspec:\n  provider:\n    onepassword:\n      connectHost: http://connect:8080\n      auth:\n        secretRef:\n"
        + "          connectTokenSecretRef:\n            name: "
        + app.secret()
        + "\n            key: token\n            namespace: "
        + app.namespace()
        + "\n";
  }
}
