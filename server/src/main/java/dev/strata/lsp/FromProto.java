package dev.strata.lsp;

import dev.strata.lsp.state.ContentChange;
import dev.strata.text.Position;
import dev.strata.text.Range;
import java.util.Optional;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** LSP4J values to analysis values; negative positions from a misbehaving client become zero. */
public final class FromProto {
  private FromProto() {}

  public static Position position(org.eclipse.lsp4j.Position position) {
    return new Position(Math.max(0, position.getLine()), Math.max(0, position.getCharacter()));
  }

  public static Range range(org.eclipse.lsp4j.Range range) {
    return new Range(position(range.getStart()), position(range.getEnd()));
  }

  public static ContentChange change(TextDocumentContentChangeEvent event) {
    return new ContentChange(
        Optional.ofNullable(event.getRange()).map(FromProto::range), event.getText());
  }
}
