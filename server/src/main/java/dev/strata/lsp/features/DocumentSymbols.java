package dev.strata.lsp.features;

import dev.strata.lsp.ToProto;
import dev.strata.model.DependencyRef;
import dev.strata.model.Manifest;
import dev.strata.workspace.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;

/**
 * The objects of a file, one symbol per YAML document, with its {@code dependsOn} entries nested
 * inside, so that an outline of a multi-document file reads like the file.
 */
public final class DocumentSymbols {
  private DocumentSymbols() {}

  public static List<DocumentSymbol> of(SourceFile file) {
    List<DocumentSymbol> result = new ArrayList<>();
    for (Manifest manifest : file.manifests()) {
      String name =
          manifest.meta().nameText().isEmpty() ? manifest.kind() : manifest.meta().nameText();
      DocumentSymbol symbol =
          new DocumentSymbol(
              name,
              ToProto.symbolKind(manifest),
              ToProto.range(manifest.meta().range()),
              ToProto.range(manifest.meta().anchor()),
              detail(manifest));
      List<DocumentSymbol> children = new ArrayList<>();
      for (DependencyRef ref : FluxTarget.dependsOn(manifest)) {
        String target = ref.namespace().map(n -> n.value() + "/").orElse("") + ref.name().value();
        children.add(
            new DocumentSymbol(
                target,
                SymbolKind.Field,
                ToProto.range(ref.entry()),
                ToProto.range(ref.name().range()),
                "dependsOn"));
      }
      symbol.setChildren(children);
      result.add(symbol);
    }
    return result;
  }

  private static String detail(Manifest manifest) {
    return manifest.kind() + manifest.meta().namespaceText().map(n -> " in " + n).orElse("");
  }
}
