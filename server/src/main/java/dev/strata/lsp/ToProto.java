package dev.strata.lsp;

import dev.strata.analysis.Finding;
import dev.strata.analysis.RuleCatalogue;
import dev.strata.analysis.fix.FileChange;
import dev.strata.analysis.fix.Fix;
import dev.strata.analysis.fix.TextEdit;
import dev.strata.lsp.state.RootState;
import dev.strata.lsp.state.WorkspaceState;
import dev.strata.model.ExternalSecret;
import dev.strata.model.FluxKustomization;
import dev.strata.model.HelmRelease;
import dev.strata.model.KustomizeOverlay;
import dev.strata.model.Manifest;
import dev.strata.model.SecretManifest;
import dev.strata.model.SecretStore;
import dev.strata.model.Severity;
import dev.strata.text.Position;
import dev.strata.text.Range;
import dev.strata.workspace.Origin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.CreateFileOptions;
import org.eclipse.lsp4j.DeleteFile;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.SnippetTextEdit;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The one place where analysis values become LSP4J values (rust-analyzer's {@code to_proto}).
 * Positions need no arithmetic: the text layer already counts UTF-16 units, as the protocol does.
 */
public final class ToProto {
  public static final String SOURCE = "strata";

  private ToProto() {}

  public static org.eclipse.lsp4j.Position position(Position position) {
    return new org.eclipse.lsp4j.Position(position.line(), position.character());
  }

  public static org.eclipse.lsp4j.Range range(Range range) {
    return new org.eclipse.lsp4j.Range(position(range.start()), position(range.end()));
  }

  public static Location location(RootState root, Origin origin) {
    return new Location(root.uri(origin.file()), range(origin.range()));
  }

  public static DiagnosticSeverity severity(Severity severity) {
    return switch (severity) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFO -> DiagnosticSeverity.Information;
      case HINT, OFF -> DiagnosticSeverity.Hint;
    };
  }

  public static Diagnostic diagnostic(Finding finding, RootState root, ClientSupport client) {
    Diagnostic diagnostic =
        new Diagnostic(
            range(finding.range()),
            finding.message(),
            severity(finding.severity()),
            SOURCE,
            finding.rule());
    diagnostic.setCodeDescription(
        new DiagnosticCodeDescription(RuleCatalogue.documentationUrl(finding.rule())));
    if (client.relatedInformation() && !finding.related().isEmpty()) {
      List<DiagnosticRelatedInformation> related = new ArrayList<>();
      for (Finding.Related r : finding.related()) {
        related.add(
            new DiagnosticRelatedInformation(
                location(root, new Origin(r.file(), r.range())), r.message()));
      }
      diagnostic.setRelatedInformation(related);
    }
    return diagnostic;
  }

  public static SymbolKind symbolKind(Manifest manifest) {
    if (manifest instanceof FluxKustomization || manifest instanceof KustomizeOverlay) {
      return SymbolKind.Module;
    }
    if (manifest instanceof HelmRelease) {
      return SymbolKind.Package;
    }
    if (manifest instanceof SecretManifest || manifest instanceof ExternalSecret) {
      return SymbolKind.Key;
    }
    return manifest instanceof SecretStore ? SymbolKind.Interface : SymbolKind.Object;
  }

  /**
   * A fix as one WorkspaceEdit the client can apply and undo in one step, or empty when this client
   * cannot apply it (creates or deletes files without resource operations) or its edits would
   * overlap.
   */
  public static Optional<WorkspaceEdit> workspaceEdit(
      Fix fix, RootState root, WorkspaceState state, ClientSupport client) {
    Map<String, List<TextEdit>> edits = new LinkedHashMap<>();
    boolean resources = false;
    for (FileChange change : fix.changes()) {
      if (change instanceof FileChange.Edit edit) {
        edits.computeIfAbsent(edit.path(), p -> new ArrayList<>()).addAll(edit.edits());
      } else {
        resources = true;
      }
    }
    if (edits.values().stream().anyMatch(ToProto::overlap)) {
      return Optional.empty();
    }
    if (client.documentChanges()
        && (!resources || (client.createFiles() && client.deleteFiles()))) {
      return Optional.of(documentChanges(fix, root, state));
    }
    if (resources) {
      return Optional.empty();
    }
    Map<String, List<org.eclipse.lsp4j.TextEdit>> changes = new LinkedHashMap<>();
    edits.forEach((path, list) -> changes.put(root.uri(path), textEdits(list)));
    return Optional.of(new WorkspaceEdit(changes));
  }

  private static WorkspaceEdit documentChanges(Fix fix, RootState root, WorkspaceState state) {
    List<Either<TextDocumentEdit, ResourceOperation>> operations = new ArrayList<>();
    for (FileChange change : fix.changes()) {
      String uri = root.uri(change.path());
      if (change instanceof FileChange.Edit edit) {
        VersionedTextDocumentIdentifier document =
            new VersionedTextDocumentIdentifier(uri, state.version(uri).orElse(null));
        operations.add(
            Either.forLeft(new TextDocumentEdit(document, eithers(textEdits(edit.edits())))));
      } else if (change instanceof FileChange.Create create) {
        CreateFile file = new CreateFile(uri, new CreateFileOptions(false, false));
        operations.add(Either.forRight(file));
        org.eclipse.lsp4j.TextEdit content =
            new org.eclipse.lsp4j.TextEdit(range(Range.ZERO), create.text());
        operations.add(
            Either.forLeft(
                new TextDocumentEdit(
                    new VersionedTextDocumentIdentifier(uri, null), eithers(List.of(content)))));
      } else if (change instanceof FileChange.Delete) {
        operations.add(Either.forRight(new DeleteFile(uri)));
      }
    }
    return new WorkspaceEdit(operations);
  }

  private static List<Either<org.eclipse.lsp4j.TextEdit, SnippetTextEdit>> eithers(
      List<org.eclipse.lsp4j.TextEdit> edits) {
    return edits.stream()
        .map(Either::<org.eclipse.lsp4j.TextEdit, SnippetTextEdit>forLeft)
        .toList();
  }

  private static List<org.eclipse.lsp4j.TextEdit> textEdits(List<TextEdit> edits) {
    return edits.stream()
        .map(e -> new org.eclipse.lsp4j.TextEdit(range(e.range()), e.newText()))
        .toList();
  }

  /** True when two edits of one file touch the same text; two inserts at one point are allowed. */
  static boolean overlap(List<TextEdit> edits) {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparing(TextEdit::range));
    for (int i = 1; i < sorted.size(); i++) {
      Range previous = sorted.get(i - 1).range();
      Range next = sorted.get(i).range();
      if (next.start().compareTo(previous.end()) < 0) {
        return true;
      }
    }
    return false;
  }
}
