package dev.strata.lsp.features;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.DependencyGraph;
import dev.strata.analysis.Layers;
import dev.strata.analysis.OutageSimulation;
import dev.strata.model.ExternalSecret;
import dev.strata.model.Manifest;
import dev.strata.model.SecretManifest;
import dev.strata.model.SecretStore;
import dev.strata.workspace.ObjectId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * Hover in Markdown. On a Kustomization or HelmRelease (its name or a {@code dependsOn} entry):
 * what it waits for, nearest first, what waits for it and the cycle it is on. On a Secret,
 * ExternalSecret or store: how the secret is delivered. Never a secret value: the model does not
 * even keep them.
 */
public final class Hovers {
  private Hovers() {}

  public static Optional<Hover> of(Cursor cursor) {
    List<FluxTarget> targets = FluxTarget.at(cursor);
    Optional<String> text =
        targets.isEmpty()
            ? secret(cursor)
            : Optional.of(flux(cursor.root().analysis(), targets.get(0)));
    return text.map(t -> new Hover(new MarkupContent(MarkupKind.MARKDOWN, t)));
  }

  private static String flux(Analysis analysis, FluxTarget target) {
    DependencyGraph graph = target.graph(analysis);
    StringBuilder text = new StringBuilder();
    text.append("**")
        .append(target.id().kind())
        .append("** `")
        .append(target.id().qualifiedName())
        .append("`");
    if (!graph.contains(target.id())) {
      return text.append("\n\nNot defined in cluster `")
          .append(target.cluster().name())
          .append("`.")
          .toString();
    }
    text.append(" in cluster `").append(target.cluster().name()).append("`\n\n");
    text.append("- Waits for: ").append(names(graph.upstream(target.id()))).append('\n');
    text.append("- Waited on by: ").append(names(graph.downstream(target.id()))).append('\n');
    graph.cycles().stream()
        .filter(c -> c.members().contains(target.id()))
        .findFirst()
        .ifPresent(c -> text.append("- On a dependency cycle: `").append(c.render()).append("`\n"));
    Layers layers = analysis.layers(target.cluster());
    text.append("- Layer: ").append(layers.of(target.id()).label());
    layers.explain(target.id()).ifPresent(why -> text.append(" (").append(why).append(')'));
    text.append('\n');
    List<OutageSimulation.Blocked> outage = analysis.outage(target.cluster()).chain(target.id());
    text.append("- If the secret provider is down: ");
    if (outage.isEmpty()) {
      text.append("comes up from Git alone\n");
    } else {
      text.append(outage.get(0).withProvider() ? "never comes up, even with it up" : "blocked")
          .append('\n');
      for (OutageSimulation.Blocked link : outage) {
        text.append("  - `")
            .append(link.kustomization().qualifiedName())
            .append("`: ")
            .append(link.reason())
            .append('\n');
      }
    }
    return text.toString();
  }

  private static String names(List<ObjectId> ids) {
    if (ids.isEmpty()) {
      return "nothing";
    }
    return ids.stream()
        .map(id -> "`" + id.qualifiedName() + "`")
        .collect(Collectors.joining(" → "));
  }

  private static Optional<String> secret(Cursor cursor) {
    Optional<Manifest> manifest = cursor.manifest();
    if (manifest.isEmpty() || !manifest.get().meta().range().contains(cursor.position())) {
      return Optional.empty();
    }
    String name =
        "`"
            + manifest.get().meta().namespaceText().map(n -> n + "/").orElse("")
            + manifest.get().meta().nameText()
            + "`";
    String placement = SecretPlacement.describe(cursor);
    if (manifest.get() instanceof SecretManifest secret) {
      return Optional.of(
          "**Secret** "
              + name
              + "\n\n- Mechanism: "
              + mechanism(secret)
              + "\n- Keys: "
              + secret.keys().size()
              + placement);
    }
    if (manifest.get() instanceof ExternalSecret external) {
      String store = external.storeRef().map(s -> "`" + s.name().value() + "`").orElse("none");
      return Optional.of(
          "**ExternalSecret** "
              + name
              + "\n\n- Mechanism: external-secret\n- Produces Secret `"
              + external.targetName()
              + "`\n- Store: "
              + store
              + "\n- Keys: "
              + external.data().size()
              + placement);
    }
    if (manifest.get() instanceof SecretStore store) {
      String credentials =
          store.credentials().stream()
              .map(c -> "`" + c.name().value() + "`")
              .collect(Collectors.joining(", "));
      return Optional.of(
          "**"
              + manifest.get().kind()
              + "** "
              + name
              + "\n\n- Mechanism: secret store (provider "
              + store.provider().orElse("unknown")
              + ")\n- Credentials from: "
              + (credentials.isEmpty() ? "nothing" : credentials)
              + placement);
    }
    return Optional.empty();
  }

  private static String mechanism(SecretManifest secret) {
    if (secret.meta().encrypted()) {
      return "sops";
    }
    return secret.hasPlainValues() ? "plaintext (not encrypted)" : "template";
  }
}
