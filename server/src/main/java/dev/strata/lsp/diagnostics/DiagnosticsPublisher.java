package dev.strata.lsp.diagnostics;

import dev.strata.analysis.Finding;
import dev.strata.lsp.ClientSupport;
import dev.strata.lsp.ToProto;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Sends only the files whose findings changed since the last publication, and an empty list for
 * files whose findings disappeared, so that a keystroke in a 1,300-file repository sends a handful
 * of messages.
 */
public final class DiagnosticsPublisher {
  private final LanguageClient client;
  private final ClientSupport support;
  private Map<String, List<Finding>> published = Map.of();
  private volatile Published last = new Published(-1, Map.of());

  /** The findings of the last complete run, by URI, and the revision they belong to. */
  public record Published(long revision, Map<String, FileFindings> files) {}

  public DiagnosticsPublisher(LanguageClient client, ClientSupport support) {
    this.client = client;
    this.support = support;
  }

  public Published last() {
    return last;
  }

  /** Called from the single diagnostics thread only. */
  void publish(long revision, Map<String, FileFindings> files) {
    Map<String, List<Finding>> next = new HashMap<>();
    files.forEach((uri, f) -> next.put(uri, f.findings()));
    Set<String> uris = new HashSet<>(published.keySet());
    uris.addAll(next.keySet());
    for (String uri : uris) {
      List<Finding> now = next.getOrDefault(uri, List.of());
      if (!Objects.equals(now, published.getOrDefault(uri, List.of()))) {
        List<Diagnostic> diagnostics =
            now.stream().map(f -> ToProto.diagnostic(f, files.get(uri).root(), support)).toList();
        client.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics));
      }
    }
    published = next;
    last = new Published(revision, Map.copyOf(files));
  }
}
