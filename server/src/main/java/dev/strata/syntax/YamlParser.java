package dev.strata.syntax;

import dev.strata.text.LineIndex;
import dev.strata.text.Position;
import dev.strata.text.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads a YAML stream into immutable documents and never throws. A document the parser rejects
 * becomes a problem, and reading resumes at the next line that starts with {@code ---}, so one
 * broken document of a multi-document file hides nothing else. A rejected document keeps its index,
 * so later indexes still count the documents of the stream. A file of comments only has no
 * documents. Thread-safe.
 */
public final class YamlParser {
  /**
   * Only the scanner and parser read these: composition, aliases and duplicate keys are handled
   * here. The workspace enforces its own file-size limit, so snakeyaml's 3 MB default is lifted.
   */
  private static final LoadSettings SETTINGS =
      LoadSettings.builder().setCodePointLimit(64 * 1024 * 1024).setParseComments(false).build();

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private YamlParser() {}

  public static YamlFile parse(String text) {
    return parse(text, ParseLimits.DEFAULT);
  }

  public static YamlFile parse(String text, ParseLimits limits) {
    LineIndex lines = LineIndex.of(text);
    List<YamlDocument> documents = new ArrayList<>();
    List<SyntaxProblem> problems = new ArrayList<>();
    new Run(text, lines, new StreamComposer(limits, documents, problems), problems).readAll();
    return new YamlFile(text, lines, documents, problems);
  }

  /**
   * One parse of one text: the chunks read between resyncs share the composer and the source map.
   */
  private static final class Run {
    private final String text;
    private final LineIndex lines;
    private final StreamComposer composer;
    private final List<SyntaxProblem> problems;
    private int forbidden = -1;

    Run(String text, LineIndex lines, StreamComposer composer, List<SyntaxProblem> problems) {
      this.text = text;
      this.lines = lines;
      this.composer = composer;
      this.problems = problems;
    }

    void readAll() {
      SourceMap source = SourceMap.of(text, lines);
      int start = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
      while (start >= 0) {
        start = readFrom(start, source.from(start));
      }
    }

    /** Returns where to resume after a failure, or -1 when the text is done. */
    private int readFrom(int start, SourceMap chunk) {
      try {
        composer.compose(
            new ParserImpl(SETTINGS, new StreamReader(SETTINGS, reader(start))), chunk);
        return -1;
      } catch (MarkedYamlEngineException e) {
        return resync(message(e), problemOffset(e, chunk), start);
      } catch (PrintableReader.ForbiddenCharacterException e) {
        return resync(e.getMessage(), e.offset, start);
      } catch (ParseLimitException e) {
        int resume = resync(e.getMessage(), e.offset(), start);
        return e.fatal() ? -1 : resume;
      } catch (StackOverflowError e) {
        return resync("nesting too deep to read", composer.lastOffset(), start);
      } catch (RuntimeException e) {
        String message =
            "could not read this document: " + firstLine(String.valueOf(e.getMessage()));
        return resync(message, composer.lastOffset(), start);
      }
    }

    /** Resyncs only move forward, so the scan for forbidden characters is reused until passed. */
    private PrintableReader reader(int start) {
      if (forbidden < start) {
        forbidden = PrintableReader.firstForbidden(text, start);
      }
      return new PrintableReader(text, start, forbidden);
    }

    private int problemOffset(MarkedYamlEngineException e, SourceMap chunk) {
      return e.getProblemMark()
          .or(e::getContextMark)
          .map(mark -> chunk.offset(mark.getIndex()))
          .orElse(composer.lastOffset());
    }

    /** Clamping to the chunk's start keeps a stale offset from sending the resync backwards. */
    private int resync(String message, int offset, int chunkStart) {
      Position at = lines.position(Math.max(offset, chunkStart));
      problems.add(new SyntaxProblem(message, Range.at(at)));
      Optional<Position> started = composer.abandon();
      boolean errorEndsOpenDocument = started.map(s -> s.line() < at.line()).orElse(false);
      return nextDocumentMarker(errorEndsOpenDocument ? at.line() : at.line() + 1);
    }

    /**
     * The error's own line may start the next document, as when an unclosed {@code [} meets {@code
     * ---}; it is only retried when the failed document began earlier, so that every resync moves
     * forward.
     */
    private int nextDocumentMarker(int fromLine) {
      for (int line = fromLine; line < lines.lineCount(); line++) {
        int start = lines.lineStart(line);
        if (isDocumentMarker(start)) {
          return start;
        }
      }
      return -1;
    }

    private boolean isDocumentMarker(int start) {
      return text.startsWith("---", start)
          && (start + 3 == text.length() || isBlankOrBreak(text.charAt(start + 3)));
    }

    private static boolean isBlankOrBreak(char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
  }

  /** snakeyaml's problem without its context or code-point snippet, as a reader would say it. */
  private static String message(MarkedYamlEngineException e) {
    String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
    return firstLine(problem != null ? problem : e.getClass().getSimpleName());
  }

  /** snakeyaml spells a tab {@code '\t(TAB)'}; a reader knows it as a tab. */
  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    return line.replace("'\\t(TAB)'", "tab").replace("\\t(TAB)", "tabs").strip();
  }
}
