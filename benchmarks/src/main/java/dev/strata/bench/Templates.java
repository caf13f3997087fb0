package dev.strata.bench;

import java.util.List;
import java.util.Random;

/**
 * The text of each kind of file the generator writes, shaped after the home-ops repositories of the
 * corpora.
 */
final class Templates {
  private static final String AGE =
      "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";
  private static final String BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final List<String> INFRASTRUCTURE =
      List.of("flux-system", "external-secrets", "storage", "cert-manager");

  /**
   * One Flux Kustomization of a {@code ks.yaml}; a dependency is {@code name} or {@code
   * namespace/name}.
   */
  record Ks(
      String name,
      String namespace,
      String path,
      List<String> dependsOn,
      List<String> components) {}

  private Templates() {}

  static String sopsConfig() {
    return """
        ---
        creation_rules:
          - path_regex: kubernetes/.*\\.sops\\.ya?ml
            encrypted_regex: ^(data|stringData)$
            mac_only_encrypted: true
            age: %s
        """
        .formatted(AGE);
  }

  static String clusterRoot() {
    return """
        ---
        # The cluster's entry point: the FluxInstance syncs this folder.
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: cluster-apps
          namespace: flux-system
        spec:
          interval: 1h
          path: ./kubernetes/apps
          prune: true
          sourceRef:
            kind: GitRepository
            name: flux-system
            namespace: flux-system
          decryption:
            provider: sops
            secretRef:
              name: sops-age
          patches:
            - # Every child Kustomization decrypts SOPS files with the same key.
              patch: |-
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: _
                spec:
                  decryption:
                    provider: sops
                    secretRef:
                      name: sops-age
              target:
                group: kustomize.toolkit.fluxcd.io
                kind: Kustomization
        """;
  }

  static String appsRoot(List<String> namespaces) {
    StringBuilder text =
        new StringBuilder(
            "---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
    for (String namespace : INFRASTRUCTURE) {
      text.append("  - ./").append(namespace).append('\n');
    }
    for (String namespace : namespaces) {
      text.append("  - ./").append(namespace).append('\n');
    }
    return text.toString();
  }

  static String namespaceOverlay(String namespace, List<String> resources) {
    return namespaceOverlay(namespace, resources, List.of());
  }

  static String namespaceOverlay(
      String namespace, List<String> resources, List<String> components) {
    StringBuilder text =
        new StringBuilder(
                "---\n# yaml-language-server: $schema=https://json.schemastore.org/kustomization\n")
            .append("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: ")
            .append(namespace)
            .append('\n');
    list(text, "components", components, "");
    list(text, "resources", resources, "");
    return text.toString();
  }

  static String overlay(List<String> resources) {
    StringBuilder text =
        new StringBuilder(
            "---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n");
    list(text, "resources", resources, "");
    return text.toString();
  }

  static String component(List<String> resources) {
    StringBuilder text =
        new StringBuilder("---\napiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n");
    list(text, "resources", resources, "");
    return text.toString();
  }

  private static void list(StringBuilder text, String key, List<String> items, String indent) {
    if (items.isEmpty()) {
      return;
    }
    text.append(indent).append(key).append(":\n");
    for (String item : items) {
      text.append(indent).append("  - ").append(item).append('\n');
    }
  }

  static String namespace(String name) {
    return """
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %s
          annotations:
            kustomize.toolkit.fluxcd.io/prune: disabled
        """
        .formatted(name);
  }

  static String ks(List<Ks> kustomizations) {
    StringBuilder text = new StringBuilder();
    for (Ks ks : kustomizations) {
      text.append(
              "---\n# yaml-language-server: $schema=https://k8s-schemas.home-operations.com/kustomize.toolkit.fluxcd.io/kustomization_v1.json\n")
          .append(
              "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: ")
          .append(ks.name())
          .append("\nspec:\n");
      list(text, "components", ks.components(), "  ");
      if (!ks.dependsOn().isEmpty()) {
        text.append("  dependsOn:\n");
        for (String dependency : ks.dependsOn()) {
          int slash = dependency.indexOf('/');
          if (slash < 0) {
            text.append("    - name: ").append(dependency).append('\n');
          } else {
            text.append("    - name: ")
                .append(dependency.substring(slash + 1))
                .append("\n      namespace: ")
                .append(dependency, 0, slash)
                .append('\n');
          }
        }
      }
      text.append("  interval: 1h\n  path: ./")
          .append(ks.path())
          .append("\n  postBuild:\n    substitute:\n      APP: ")
          .append(ks.name())
          .append(
              "\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n    namespace: flux-system\n")
          .append("  targetNamespace: ")
          .append(ks.namespace())
          .append("\n  timeout: 5m\n  wait: false\n");
    }
    return text.toString();
  }

  /** Adds a dependency to the first Kustomization of a {@code ks.yaml}. */
  static String addDependency(String ks, String name, String namespace) {
    String entry = "    - name: " + name + "\n      namespace: " + namespace + "\n";
    int at = ks.indexOf("  dependsOn:\n");
    if (at >= 0) {
      int insert = at + "  dependsOn:\n".length();
      return ks.substring(0, insert) + entry + ks.substring(insert);
    }
    int spec = ks.indexOf("spec:\n") + "spec:\n".length();
    return ks.substring(0, spec) + "  dependsOn:\n" + entry + ks.substring(spec);
  }

  static String ociRepository(String name, String url) {
    return """
        ---
        # yaml-language-server: $schema=https://k8s-schemas.home-operations.com/source.toolkit.fluxcd.io/ocirepository_v1.json
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: OCIRepository
        metadata:
          name: %s
        spec:
          interval: 15m
          layerSelector:
            mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip
            operation: copy
          ref:
            tag: 4.4.0
          url: %s
        """
        .formatted(name, url);
  }

  static String fluxInstance() {
    return """
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: flux-instance
        spec:
          interval: 1h
          chartRef:
            kind: OCIRepository
            name: flux-instance
          values:
            instance:
              distribution:
                version: 2.7.x
              cluster:
                networkPolicy: false
              components:
                - source-controller
                - kustomize-controller
                - helm-controller
                - notification-controller
              sync:
                kind: GitRepository
                url: https://github.com/example/home-ops
                ref: refs/heads/main
                path: kubernetes/flux/cluster
        """;
  }

  static String helmRelease(
      String name, String image, Random random, boolean secret, boolean persistence) {
    String envFrom =
        secret
            ? "            envFrom:\n              - secretRef:\n                  name: "
                + name
                + "-secret\n"
            : "";
    String volumes =
        persistence
            ? "    persistence:\n      config:\n        existingClaim: "
                + name
                + "\n        globalMounts:\n          - path: /config\n      tmp:\n        type: emptyDir\n"
            : "";
    return """
        ---
        # yaml-language-server: $schema=https://raw.githubusercontent.com/bjw-s-labs/helm-charts/main/charts/other/app-template/schemas/helmrelease-helm-v2.schema.json
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: %1$s
        spec:
          chartRef:
            kind: OCIRepository
            name: %1$s
          interval: 1h
          install:
            remediation:
              retries: -1
          upgrade:
            cleanupOnFail: true
            remediation:
              retries: 3
          values:
            controllers:
              %1$s:
                annotations:
                  reloader.stakater.com/auto: "true"
                containers:
                  app:
                    image:
                      repository: ghcr.io/home-operations/%2$s
                      tag: %3$d.%4$d.%5$d@sha256:%6$s
                    env:
                      TZ: Europe/Paris
                      PORT: &port %7$d
        %8$s            probes:
                      liveness: &probes
                        enabled: true
                        custom: true
                        spec:
                          httpGet:
                            path: /healthz
                            port: *port
                          initialDelaySeconds: 0
                          periodSeconds: 10
                          timeoutSeconds: 1
                          failureThreshold: 3
                      readiness: *probes
                    resources:
                      requests:
                        cpu: %9$dm
                      limits:
                        memory: %10$dMi
                    securityContext:
                      allowPrivilegeEscalation: false
                      readOnlyRootFilesystem: true
                      capabilities: { drop: ["ALL"] }
            defaultPodOptions:
              securityContext:
                runAsNonRoot: true
                runAsUser: 1000
                runAsGroup: 1000
                fsGroup: 1000
                fsGroupChangePolicy: OnRootMismatch
            service:
              app:
                ports:
                  http:
                    port: *port
            route:
              app:
                hostnames: ["{{ .Release.Name }}.example.com"]
                parentRefs:
                  - name: envoy-internal
                    namespace: network
        %11$s"""
        .formatted(
            name,
            image,
            random.nextInt(5),
            random.nextInt(30),
            random.nextInt(10),
            hex(random, 64),
            8000 + random.nextInt(1000),
            envFrom,
            10 * (1 + random.nextInt(20)),
            128 * (1 + random.nextInt(16)),
            volumes);
  }

  private static String hex(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(Character.forDigit(random.nextInt(16), 16));
    }
    return text.toString();
  }

  private static String base64(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(BASE64.charAt(random.nextInt(BASE64.length())));
    }
    return text.toString();
  }

  private static String encrypted(Random random, int length) {
    return "ENC[AES256_GCM,data:"
        + base64(random, length)
        + ",iv:"
        + base64(random, 43)
        + "=,tag:"
        + base64(random, 22)
        + "==,type:str]";
  }

  static String sopsSecret(String name, List<String> keys, Random random) {
    StringBuilder text =
        new StringBuilder("---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: ")
            .append(name)
            .append("\ntype: Opaque\nstringData:\n");
    for (String key : keys) {
      text.append("  ")
          .append(key)
          .append(": ")
          .append(encrypted(random, 16 + random.nextInt(48)))
          .append('\n');
    }
    text.append("sops:\n  age:\n    - recipient: ")
        .append(AGE)
        .append("\n      enc: |\n        -----BEGIN AGE ENCRYPTED FILE-----\n");
    for (int line = 0; line < 5; line++) {
      text.append("        ").append(base64(random, 60)).append('\n');
    }
    text.append("        -----END AGE ENCRYPTED FILE-----\n")
        .append("  lastmodified: \"2026-0")
        .append(1 + random.nextInt(9))
        .append("-1")
        .append(random.nextInt(10))
        .append("T10:00:00Z\"\n")
        .append("  mac: ")
        .append(encrypted(random, 44))
        .append('\n')
        .append(
            "  encrypted_regex: ^(data|stringData)$\n  mac_only_encrypted: true\n  version: 3.10.2\n");
    return text.toString();
  }

  static String plainSecret(String name) {
    return """
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: %s
        type: Opaque
        stringData:
          username: admin
          password: hunter2-not-encrypted
        """
        .formatted(name);
  }

  static String externalSecret(String target, String key) {
    return """
        ---
        # yaml-language-server: $schema=https://k8s-schemas.home-operations.com/external-secrets.io/externalsecret_v1.json
        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata:
          name: %1$s
        spec:
          refreshInterval: 1h
          secretStoreRef:
            kind: ClusterSecretStore
            name: onepassword
          target:
            name: %1$s
            template:
              engineVersion: v2
          dataFrom:
            - extract:
                key: %2$s
        """
        .formatted(target, key);
  }

  static String clusterSecretStore() {
    return """
        ---
        apiVersion: external-secrets.io/v1
        kind: ClusterSecretStore
        metadata:
          name: onepassword
        spec:
          provider:
            onepassword:
              connectHost: http://onepassword.external-secrets.svc.cluster.local
              vaults:
                Kubernetes: 1
              auth:
                secretRef:
                  connectTokenSecretRef:
                    name: onepassword-connect-token
                    key: token
                    namespace: external-secrets
        """;
  }

  static String storageClass(String name, String secret, String namespace) {
    return """
        ---
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: %1$s
        provisioner: rbd.csi.ceph.com
        parameters:
          clusterID: rook-ceph
          pool: replicapool
          csi.storage.k8s.io/provisioner-secret-name: %2$s
          csi.storage.k8s.io/provisioner-secret-namespace: %3$s
          csi.storage.k8s.io/node-stage-secret-name: %2$s
          csi.storage.k8s.io/node-stage-secret-namespace: %3$s
        reclaimPolicy: Delete
        allowVolumeExpansion: true
        """
        .formatted(name, secret, namespace);
  }

  static String clusterIssuer() {
    return """
        ---
        apiVersion: cert-manager.io/v1
        kind: ClusterIssuer
        metadata:
          name: letsencrypt-production
        spec:
          acme:
            server: https://acme-v02.api.letsencrypt.org/directory
            privateKeySecretRef:
              name: letsencrypt-production
            solvers:
              - dns01:
                  cloudflare:
                    apiTokenSecretRef:
                      name: cloudflare-api-token
                      key: api-token
        """;
  }

  static String pvc(String name, String storageClass) {
    return """
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: %s
        spec:
          accessModes: ["ReadWriteOnce"]
          resources:
            requests:
              storage: 5Gi
          storageClassName: %s
        """
        .formatted(name, storageClass);
  }

  static String volsyncSecret() {
    return """
        ---
        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata:
          name: ${APP}-volsync
        spec:
          secretStoreRef:
            kind: ClusterSecretStore
            name: onepassword
          target:
            name: ${APP}-volsync-secret
            template:
              data:
                RESTIC_REPOSITORY: "/repository/${APP}"
                RESTIC_PASSWORD: "{{ .RESTIC_PASSWORD }}"
          dataFrom:
            - extract:
                key: volsync-template
        """;
  }

  static String replicationSource() {
    return """
        ---
        apiVersion: volsync.backube/v1alpha1
        kind: ReplicationSource
        metadata:
          name: ${APP}
        spec:
          sourcePVC: ${APP}
          trigger:
            schedule: "0 * * * *"
          restic:
            copyMethod: Snapshot
            pruneIntervalDays: 14
            repository: ${APP}-volsync-secret
            retain:
              hourly: 24
              daily: 7
            storageClassName: ceph-block
        """;
  }

  static String alerts() {
    return """
        ---
        apiVersion: notification.toolkit.fluxcd.io/v1beta3
        kind: Alert
        metadata:
          name: alertmanager
        spec:
          providerRef:
            name: alertmanager
          eventSeverity: error
          eventSources:
            - kind: HelmRelease
              name: "*"
            - kind: Kustomization
              name: "*"
        """;
  }

  static String configMap(String name, Random random) {
    StringBuilder text =
        new StringBuilder("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ")
            .append(name)
            .append("\ndata:\n");
    int entries = 2 + random.nextInt(8);
    for (int i = 0; i < entries; i++) {
      text.append("  SETTING_")
          .append(i)
          .append(": \"")
          .append(base64(random, 8 + random.nextInt(24)))
          .append("\"\n");
    }
    return text.toString();
  }

  static String serviceMonitor(String app) {
    return """
        ---
        apiVersion: monitoring.coreos.com/v1
        kind: ServiceMonitor
        metadata:
          name: %1$s
        spec:
          selector:
            matchLabels:
              app.kubernetes.io/name: %1$s
          endpoints:
            - port: http
              scheme: http
              path: /metrics
              interval: 1m
              scrapeTimeout: 10s
        """
        .formatted(app);
  }

  static String postgresCluster(String app) {
    return """
        ---
        apiVersion: postgresql.cnpg.io/v1
        kind: Cluster
        metadata:
          name: %1$s-db
        spec:
          instances: 2
          imageName: ghcr.io/cloudnative-pg/postgresql:17.2
          storage:
            size: 10Gi
            storageClass: ceph-block
          superuserSecret:
            name: %1$s-db-secret
          bootstrap:
            initdb:
              database: %1$s
              owner: %1$s
        """
        .formatted(app);
  }
}
