package dev.strata.analysis;

import java.util.Map;
import java.util.Set;

/**
 * What well-known Helm charts install, as data: the CRD groups that custom resources need, and
 * which charts are the External Secrets operator or a 1Password Connect server. Add a row to teach
 * Strata a chart.
 */
final class Charts {
  static final Set<String> EXTERNAL_SECRETS = Set.of("external-secrets");
  static final Set<String> CONNECT_SERVERS =
      Set.of("connect", "onepassword-connect", "1password-connect");

  static final Map<String, Set<String>> CRD_GROUPS =
      Map.ofEntries(
          Map.entry(
              "external-secrets", Set.of("external-secrets.io", "generators.external-secrets.io")),
          Map.entry("cert-manager", Set.of("cert-manager.io", "acme.cert-manager.io")),
          Map.entry("rook-ceph", Set.of("ceph.rook.io", "objectbucket.io")),
          Map.entry("cloudnative-pg", Set.of("postgresql.cnpg.io")),
          Map.entry("plugin-barman-cloud", Set.of("barmancloud.cnpg.io")),
          Map.entry("kube-prometheus-stack", Set.of("monitoring.coreos.com")),
          Map.entry("prometheus-operator-crds", Set.of("monitoring.coreos.com")),
          Map.entry("volsync", Set.of("volsync.backube")),
          Map.entry("velero", Set.of("velero.io")),
          Map.entry("k8up", Set.of("k8up.io")),
          Map.entry("traefik", Set.of("traefik.io", "traefik.containo.us")),
          Map.entry("traefik-crds", Set.of("traefik.io", "traefik.containo.us")),
          Map.entry("cilium", Set.of("cilium.io")),
          Map.entry("snapshot-controller", Set.of("snapshot.storage.k8s.io")),
          Map.entry("external-dns", Set.of("externaldns.k8s.io")),
          Map.entry("metallb", Set.of("metallb.io")),
          Map.entry("kyverno", Set.of("kyverno.io")),
          Map.entry("keda", Set.of("keda.sh")),
          Map.entry("dragonfly-operator", Set.of("dragonflydb.io")),
          Map.entry("longhorn", Set.of("longhorn.io")),
          Map.entry("gateway-api", Set.of("gateway.networking.k8s.io")),
          Map.entry("envoy-gateway", Set.of("gateway.envoyproxy.io", "gateway.networking.k8s.io")),
          Map.entry("emqx-operator", Set.of("apps.emqx.io")),
          Map.entry("flux-operator", Set.of("fluxcd.controlplane.io")),
          Map.entry("reloader", Set.of()),
          Map.entry("system-upgrade-controller", Set.of("upgrade.cattle.io")),
          Map.entry("node-feature-discovery", Set.of("nfd.k8s-sigs.io")),
          Map.entry("intel-device-plugins-operator", Set.of("deviceplugin.intel.com")),
          Map.entry("democratic-csi", Set.of()),
          Map.entry("openebs", Set.of("openebs.io")),
          Map.entry("grafana-operator", Set.of("grafana.integreatly.org")),
          Map.entry("victoria-metrics-operator", Set.of("operator.victoriametrics.com")),
          Map.entry("victoria-metrics-k8s-stack", Set.of("operator.victoriametrics.com")));

  /** API groups that every cluster serves or that Flux itself installs at bootstrap. */
  static boolean builtIn(String group) {
    return group.isEmpty()
        || !group.contains(".")
        || group.endsWith(".k8s.io")
            && !group.equals("gateway.networking.k8s.io")
            && !group.equals("snapshot.storage.k8s.io")
            && !group.equals("externaldns.k8s.io")
            && !group.equals("nfd.k8s-sigs.io")
        || group.endsWith("toolkit.fluxcd.io")
        || group.equals("kustomize.config.k8s.io");
  }

  private Charts() {}
}
