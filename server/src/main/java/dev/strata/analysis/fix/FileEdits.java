package dev.strata.analysis.fix;

import dev.strata.text.LineIndex;
import dev.strata.text.Range;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The edits one fix makes to one file, collected as offsets into the file's current text. Edits
 * that touch end to start are merged, so the result never holds two edits at one place; edits that
 * overlap are a builder's mistake and make {@link #change} fail rather than corrupt the file.
 */
final class FileEdits {
  private record Splice(int start, int end, String text) {}

  private final YamlText source;
  private final List<Splice> splices = new ArrayList<>();

  FileEdits(YamlText source) {
    this.source = source;
  }

  YamlText source() {
    return source;
  }

  FileEdits replace(int start, int end, String text) {
    splices.add(new Splice(start, end, text));
    return this;
  }

  FileEdits insert(int offset, String text) {
    return replace(offset, offset, text);
  }

  FileEdits delete(int start, int end) {
    return replace(start, end, "");
  }

  boolean isEmpty() {
    return splices.isEmpty();
  }

  /**
   * The merged edits as one change; throws {@link IllegalStateException} when two of them overlap.
   */
  FileChange.Edit change() {
    List<Splice> sorted = new ArrayList<>(splices);
    sorted.sort(Comparator.comparingInt(Splice::start).thenComparingInt(Splice::end));
    List<Splice> merged = new ArrayList<>();
    for (Splice next : sorted) {
      if (!merged.isEmpty()) {
        Splice last = merged.get(merged.size() - 1);
        if (next.start() < last.end()) {
          throw new IllegalStateException("overlapping edits in " + source.path());
        }
        if (next.start() == last.end()) {
          merged.set(
              merged.size() - 1, new Splice(last.start(), next.end(), last.text() + next.text()));
          continue;
        }
      }
      merged.add(next);
    }
    LineIndex lines = source.file().syntax().lines();
    List<TextEdit> edits = new ArrayList<>();
    for (Splice splice : merged) {
      edits.add(
          new TextEdit(
              new Range(lines.position(splice.start()), lines.position(splice.end())),
              splice.text()));
    }
    return new FileChange.Edit(source.path(), edits);
  }
}
