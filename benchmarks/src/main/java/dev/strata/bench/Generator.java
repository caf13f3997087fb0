package dev.strata.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes a home-ops style Flux repository of an exact number of YAML files, the same bytes for the
 * same seed: a FluxInstance cluster root, infrastructure (external-secrets with a 1Password store,
 * ceph-csi, cert-manager), then namespaces of apps whose {@code ks.yaml} holds one to three
 * Kustomizations with HelmReleases, OCIRepositories, ExternalSecrets, SOPS files and components. A
 * few dependsOn cycles, plain Secrets and misplaced infrastructure secrets give the rules something
 * to find, as real repositories do.
 */
public final class Generator {
  private static final String APPS = "kubernetes/apps";
  private static final String[] NAMESPACES = {
    "default",
    "media",
    "home",
    "network",
    "observability",
    "databases",
    "security",
    "tools",
    "games",
    "ai",
    "downloads",
    "automation",
    "dev",
    "backup",
    "monitoring",
    "office"
  };
  private static final String[] APP_NAMES = {
    "atuin",
    "autobrr",
    "bazarr",
    "plex",
    "prowlarr",
    "qbittorrent",
    "radarr",
    "sonarr",
    "sabnzbd",
    "tautulli",
    "home-assistant",
    "zigbee2mqtt",
    "mosquitto",
    "grafana",
    "loki",
    "gatus",
    "paperless",
    "immich",
    "vaultwarden",
    "miniflux",
    "n8n",
    "node-red",
    "esphome",
    "frigate",
    "jellyfin",
    "lidarr",
    "readarr",
    "overseerr",
    "recyclarr",
    "unpoller",
    "smtp-relay",
    "thelounge",
    "echo-server",
    "homepage",
    "actual",
    "mealie",
    "linkding",
    "karakeep",
    "open-webui",
    "ollama",
    "searxng",
    "wallos",
    "syncthing",
    "kopia",
    "minio",
    "redis",
    "dragonfly",
    "pgadmin"
  };
  private static final int LARGEST_APP = 16;

  private final Random random;
  private final int target;
  private final Map<String, String> files = new TreeMap<>();
  private final List<String[]> apps = new ArrayList<>();
  private int appCount;
  private String lastNamespace = "storage";

  private Generator(long seed, int target) {
    this.random = new Random(seed);
    this.target = target;
  }

  /**
   * Writes {@code fileCount} YAML files (at least 60) under {@code root}, which should be empty.
   */
  public static int generate(Path root, int fileCount, long seed) throws IOException {
    Generator generator = new Generator(seed, Math.max(fileCount, 60));
    generator.build();
    for (Map.Entry<String, String> file : generator.files.entrySet()) {
      Path path = root.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
    return generator.files.size();
  }

  private void build() {
    put(".sops.yaml", Templates.sopsConfig());
    put("kubernetes/flux/cluster/ks.yaml", Templates.clusterRoot());
    components();
    infrastructure();
    List<String> namespaces = new ArrayList<>();
    int namespace = 0;
    while (files.size() + LARGEST_APP + 4 < target) {
      String name =
          namespace < NAMESPACES.length
              ? NAMESPACES[namespace]
              : NAMESPACES[namespace % NAMESPACES.length] + "-" + namespace / NAMESPACES.length;
      namespaces.add(name);
      namespace(name, 6 + random.nextInt(20));
      namespace++;
    }
    pad();
    put(APPS + "/kustomization.yaml", Templates.appsRoot(namespaces));
  }

  private void put(String path, String text) {
    files.put(path, text);
  }

  private void components() {
    put(
        "kubernetes/components/common/kustomization.yaml",
        Templates.component(List.of("./alerts.yaml")));
    put("kubernetes/components/common/alerts.yaml", Templates.alerts());
    put(
        "kubernetes/components/volsync/kustomization.yaml",
        Templates.component(
            List.of("./externalsecret.yaml", "./pvc.yaml", "./replicationsource.yaml")));
    put("kubernetes/components/volsync/externalsecret.yaml", Templates.volsyncSecret());
    put("kubernetes/components/volsync/pvc.yaml", Templates.pvc("${APP}", "ceph-block"));
    put("kubernetes/components/volsync/replicationsource.yaml", Templates.replicationSource());
  }

  private void infrastructure() {
    String flux = APPS + "/flux-system";
    put(
        flux + "/kustomization.yaml",
        Templates.namespaceOverlay(
            "flux-system", List.of("./namespace.yaml", "./flux-instance/ks.yaml")));
    put(flux + "/namespace.yaml", Templates.namespace("flux-system"));
    put(
        flux + "/flux-instance/ks.yaml",
        Templates.ks(
            List.of(
                new Templates.Ks(
                    "flux-instance",
                    "flux-system",
                    flux + "/flux-instance/app",
                    List.of(),
                    List.of()))));
    put(
        flux + "/flux-instance/app/kustomization.yaml",
        Templates.overlay(List.of("./ocirepository.yaml", "./helmrelease.yaml")));
    put(
        flux + "/flux-instance/app/ocirepository.yaml",
        Templates.ociRepository(
            "flux-instance", "oci://ghcr.io/controlplaneio-fluxcd/charts/flux-instance"));
    put(flux + "/flux-instance/app/helmrelease.yaml", Templates.fluxInstance());

    String es = APPS + "/external-secrets";
    put(
        es + "/kustomization.yaml",
        Templates.namespaceOverlay(
            "external-secrets",
            List.of("./namespace.yaml", "./external-secrets/ks.yaml", "./onepassword/ks.yaml")));
    put(es + "/namespace.yaml", Templates.namespace("external-secrets"));
    put(
        es + "/external-secrets/ks.yaml",
        Templates.ks(
            List.of(
                new Templates.Ks(
                    "external-secrets",
                    "external-secrets",
                    es + "/external-secrets/app",
                    List.of(),
                    List.of()),
                new Templates.Ks(
                    "external-secrets-stores",
                    "external-secrets",
                    es + "/external-secrets/stores",
                    List.of("external-secrets", "onepassword"),
                    List.of()))));
    put(
        es + "/external-secrets/app/kustomization.yaml",
        Templates.overlay(List.of("./ocirepository.yaml", "./helmrelease.yaml")));
    put(
        es + "/external-secrets/app/ocirepository.yaml",
        Templates.ociRepository(
            "external-secrets", "oci://ghcr.io/external-secrets/charts/external-secrets"));
    put(
        es + "/external-secrets/app/helmrelease.yaml",
        Templates.helmRelease("external-secrets", "external-secrets", random, false, false));
    put(
        es + "/external-secrets/stores/kustomization.yaml",
        Templates.overlay(List.of("./clustersecretstore.yaml")));
    put(es + "/external-secrets/stores/clustersecretstore.yaml", Templates.clusterSecretStore());
    put(
        es + "/onepassword/ks.yaml",
        Templates.ks(
            List.of(
                new Templates.Ks(
                    "onepassword",
                    "external-secrets",
                    es + "/onepassword/app",
                    List.of(),
                    List.of()))));
    put(
        es + "/onepassword/app/kustomization.yaml",
        Templates.overlay(
            List.of("./ocirepository.yaml", "./helmrelease.yaml", "./secret.sops.yaml")));
    put(
        es + "/onepassword/app/ocirepository.yaml",
        Templates.ociRepository("onepassword", "oci://ghcr.io/bjw-s-labs/helm/app-template"));
    put(
        es + "/onepassword/app/helmrelease.yaml",
        Templates.helmRelease("onepassword", "onepassword-connect", random, false, false));
    put(
        es + "/onepassword/app/secret.sops.yaml",
        Templates.sopsSecret(
            "onepassword-connect-token", List.of("token", "1password-credentials.json"), random));

    String storage = APPS + "/storage";
    put(
        storage + "/kustomization.yaml",
        Templates.namespaceOverlay("storage", List.of("./namespace.yaml", "./ceph-csi/ks.yaml")));
    put(storage + "/namespace.yaml", Templates.namespace("storage"));
    put(
        storage + "/ceph-csi/ks.yaml",
        Templates.ks(
            List.of(
                new Templates.Ks(
                    "ceph-csi", "storage", storage + "/ceph-csi/app", List.of(), List.of()))));
    put(
        storage + "/ceph-csi/app/kustomization.yaml",
        Templates.overlay(
            List.of(
                "./ocirepository.yaml",
                "./helmrelease.yaml",
                "./storageclass.yaml",
                "./secret.sops.yaml")));
    put(
        storage + "/ceph-csi/app/ocirepository.yaml",
        Templates.ociRepository("ceph-csi", "oci://ghcr.io/ceph/charts/ceph-csi-rbd"));
    put(
        storage + "/ceph-csi/app/helmrelease.yaml",
        Templates.helmRelease("ceph-csi", "ceph-csi", random, false, false));
    put(
        storage + "/ceph-csi/app/storageclass.yaml",
        Templates.storageClass("ceph-block", "ceph-csi-secret", "storage"));
    put(
        storage + "/ceph-csi/app/secret.sops.yaml",
        Templates.sopsSecret("ceph-csi-secret", List.of("userID", "userKey"), random));

    String cert = APPS + "/cert-manager";
    put(
        cert + "/kustomization.yaml",
        Templates.namespaceOverlay(
            "cert-manager", List.of("./namespace.yaml", "./cert-manager/ks.yaml")));
    put(cert + "/namespace.yaml", Templates.namespace("cert-manager"));
    put(
        cert + "/cert-manager/ks.yaml",
        Templates.ks(
            List.of(
                new Templates.Ks(
                    "cert-manager",
                    "cert-manager",
                    cert + "/cert-manager/app",
                    List.of(),
                    List.of()),
                new Templates.Ks(
                    "cert-manager-issuers",
                    "cert-manager",
                    cert + "/cert-manager/issuers",
                    List.of("cert-manager", "external-secrets/external-secrets-stores"),
                    List.of()))));
    put(
        cert + "/cert-manager/app/kustomization.yaml",
        Templates.overlay(List.of("./ocirepository.yaml", "./helmrelease.yaml")));
    put(
        cert + "/cert-manager/app/ocirepository.yaml",
        Templates.ociRepository("cert-manager", "oci://quay.io/jetstack/charts/cert-manager"));
    put(
        cert + "/cert-manager/app/helmrelease.yaml",
        Templates.helmRelease("cert-manager", "cert-manager", random, false, false));
    put(
        cert + "/cert-manager/issuers/kustomization.yaml",
        Templates.overlay(List.of("./clusterissuer.yaml", "./externalsecret.yaml")));
    put(cert + "/cert-manager/issuers/clusterissuer.yaml", Templates.clusterIssuer());
    put(
        cert + "/cert-manager/issuers/externalsecret.yaml",
        Templates.externalSecret("cloudflare-api-token", "cloudflare"));
  }

  private void namespace(String namespace, int appsInNamespace) {
    String dir = APPS + "/" + namespace;
    List<String> resources = new ArrayList<>(List.of("./namespace.yaml"));
    put(dir + "/namespace.yaml", Templates.namespace(namespace));
    for (int i = 0; i < appsInNamespace && files.size() + LARGEST_APP + 2 < target; i++) {
      String app =
          APP_NAMES[appCount % APP_NAMES.length]
              + (appCount < APP_NAMES.length ? "" : "-" + appCount / APP_NAMES.length);
      resources.add("./" + app + "/ks.yaml");
      app(namespace, app);
    }
    put(
        dir + "/kustomization.yaml",
        Templates.namespaceOverlay(namespace, resources, List.of("../../components/common")));
    lastNamespace = namespace;
  }

  private void app(String namespace, String app) {
    int index = appCount++;
    String dir = APPS + "/" + namespace + "/" + app;
    boolean external = random.nextInt(100) < 55;
    boolean sops = random.nextInt(100) < 25;
    boolean pvc = random.nextInt(100) < 40;
    boolean volsync = pvc && random.nextInt(100) < 50;
    boolean config = random.nextInt(100) < 30;
    boolean database = random.nextInt(100) < 20;
    boolean plainSecret = index % 97 == 41;
    boolean misplaced = index % 151 == 77;

    List<String> needs = new ArrayList<>();
    if (external || volsync || database) {
      needs.add("external-secrets/external-secrets-stores");
    }
    if (pvc || database) {
      needs.add("storage/ceph-csi");
    }
    if (!apps.isEmpty() && random.nextInt(100) < 35) {
      String[] other = apps.get(random.nextInt(apps.size()));
      needs.add(other[0] + "/" + other[1]);
    }
    // Every 120th app closes a cycle with the app before it; real repositories carry such mistakes.
    if (index % 120 == 60 && !apps.isEmpty()) {
      String[] previous = apps.get(apps.size() - 1);
      needs.add(previous[0] + "/" + previous[1]);
      cycleBack.put(previous[0] + "/" + previous[1], namespace + "/" + app);
    }
    List<Templates.Ks> kustomizations = new ArrayList<>();
    List<String> appNeeds = new ArrayList<>(needs);
    if (database) {
      appNeeds.add(app + "-db");
      kustomizations.add(
          new Templates.Ks(
              app + "-db",
              namespace,
              dir + "/db",
              List.of("storage/ceph-csi", "external-secrets/external-secrets-stores"),
              List.of()));
    }
    kustomizations.add(
        0,
        new Templates.Ks(
            app,
            namespace,
            dir + "/app",
            appNeeds,
            volsync ? List.of("../../../../components/volsync") : List.of()));
    if (config) {
      kustomizations.add(
          new Templates.Ks(app + "-config", namespace, dir + "/config", List.of(app), List.of()));
    }
    apps.add(new String[] {namespace, app});
    String ksPath = dir + "/ks.yaml";
    put(ksPath, Templates.ks(kustomizations));
    ksFiles.put(namespace + "/" + app, ksPath);
    closeCycle(namespace + "/" + app);

    List<String> resources = new ArrayList<>(List.of("./ocirepository.yaml", "./helmrelease.yaml"));
    put(
        dir + "/app/ocirepository.yaml",
        Templates.ociRepository(app, "oci://ghcr.io/bjw-s-labs/helm/app-template"));
    put(
        dir + "/app/helmrelease.yaml",
        Templates.helmRelease(app, app, random, external || sops, pvc));
    if (external) {
      resources.add("./externalsecret.yaml");
      put(dir + "/app/externalsecret.yaml", Templates.externalSecret(app + "-secret", app));
    }
    if (sops) {
      resources.add("./secret.sops.yaml");
      put(
          dir + "/app/secret.sops.yaml",
          Templates.sopsSecret(
              app + (external ? "-extra-secret" : "-secret"),
              List.of("API_KEY", "PASSWORD"),
              random));
    }
    if (plainSecret) {
      resources.add("./secret.yaml");
      put(dir + "/app/secret.yaml", Templates.plainSecret(app + "-plain"));
    }
    if (misplaced) {
      resources.add("./storageclass.yaml");
      resources.add("./storage-externalsecret.yaml");
      put(
          dir + "/app/storageclass.yaml",
          Templates.storageClass(app + "-nfs", app + "-nfs-credentials", namespace));
      put(
          dir + "/app/storage-externalsecret.yaml",
          Templates.externalSecret(app + "-nfs-credentials", app + "-nfs"));
    }
    if (pvc && !volsync) {
      resources.add("./pvc.yaml");
      put(dir + "/app/pvc.yaml", Templates.pvc(app, "ceph-block"));
    }
    put(dir + "/app/kustomization.yaml", Templates.overlay(resources));
    if (config) {
      put(
          dir + "/config/kustomization.yaml",
          Templates.overlay(List.of("./configmap.yaml", "./servicemonitor.yaml")));
      put(dir + "/config/configmap.yaml", Templates.configMap(app + "-config", random));
      put(dir + "/config/servicemonitor.yaml", Templates.serviceMonitor(app));
    }
    if (database) {
      put(
          dir + "/db/kustomization.yaml",
          Templates.overlay(List.of("./cluster.yaml", "./externalsecret.yaml")));
      put(dir + "/db/cluster.yaml", Templates.postgresCluster(app));
      put(
          dir + "/db/externalsecret.yaml",
          Templates.externalSecret(app + "-db-secret", app + "-db"));
    }
  }

  private final Map<String, String> cycleBack = new TreeMap<>();
  private final Map<String, String> ksFiles = new TreeMap<>();

  /** Rewrites the earlier app's ks.yaml so that it depends on the app that depends on it. */
  private void closeCycle(String app) {
    cycleBack
        .entrySet()
        .removeIf(
            e -> {
              if (!e.getValue().equals(app)) {
                return false;
              }
              String file = ksFiles.get(e.getKey());
              String[] target = app.split("/");
              put(file, Templates.addDependency(files.get(file), target[1], target[0]));
              return true;
            });
  }

  /** Fills the last namespace with ConfigMaps listed by its overlay, so that the count is exact. */
  private void pad() {
    int missing = target - files.size() - 1;
    String overlay = APPS + "/" + lastNamespace + "/kustomization.yaml";
    StringBuilder entries = new StringBuilder();
    for (int i = 0; i < missing; i++) {
      entries.append("  - ./settings/configmap-").append(i).append(".yaml\n");
      put(
          APPS + "/" + lastNamespace + "/settings/configmap-" + i + ".yaml",
          Templates.configMap(lastNamespace + "-settings-" + i, random));
    }
    put(overlay, files.get(overlay).replace("resources:\n", "resources:\n" + entries));
  }
}
