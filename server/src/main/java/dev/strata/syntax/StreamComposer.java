package dev.strata.syntax;

import dev.strata.text.Position;
import dev.strata.text.Range;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Composes snakeyaml's parse events straight into records. An explicit stack replaces snakeyaml's
 * recursive composer, so nesting is bounded by {@link ParseLimits#maxDepth()} rather than by the
 * thread's stack, and an alias shares its anchor's record instead of copying it. Document state
 * survives across resyncs so indexes and the node budget count the whole file.
 */
final class StreamComposer {
  private record Anchored(YamlNode node, long size) {}

  private final ParseLimits limits;
  private final List<YamlDocument> documents;
  private final List<SyntaxProblem> problems;
  private final Deque<Frame> stack = new ArrayDeque<>();
  private final Map<String, Anchored> anchors = new HashMap<>();
  private final Map<String, Integer> openAnchors = new HashMap<>();

  /**
   * One instance of each short value within this stream (names, namespaces, kinds repeat inside a
   * file); dropped with the composer, so nothing outlives the file it came from.
   */
  private final Map<String, String> values = new HashMap<>();

  private SourceMap source;
  private int nextIndex;
  private long nodeCount;
  private int collectionAliases;
  private boolean inDocument;
  private Position documentStart = Position.ZERO;
  private Position documentStartEnd = Position.ZERO;
  private YamlNode root;
  private int lastOffset;

  StreamComposer(ParseLimits limits, List<YamlDocument> documents, List<SyntaxProblem> problems) {
    this.limits = limits;
    this.documents = documents;
    this.problems = problems;
  }

  void compose(Parser parser, SourceMap chunk) {
    source = chunk;
    while (parser.hasNext()) {
      accept(parser.next());
    }
  }

  /** The offset of the last event read, where a failure without a mark is reported. */
  int lastOffset() {
    return lastOffset;
  }

  /** Drops the document in progress after a failure; its index stays used. Empty when none was. */
  Optional<Position> abandon() {
    Optional<Position> started = inDocument ? Optional.of(documentStart) : Optional.empty();
    inDocument = false;
    stack.clear();
    return started;
  }

  private void accept(Event event) {
    lastOffset = source.offset(event.getStartMark());
    switch (event.getEventId()) {
      case DocumentStart -> startDocument(event);
      case DocumentEnd -> endDocument((DocumentEndEvent) event);
      case Scalar -> scalar((ScalarEvent) event);
      case Alias -> alias((AliasEvent) event);
      case SequenceStart -> open((CollectionStartEvent) event, false);
      case MappingStart -> open((CollectionStartEvent) event, true);
      case SequenceEnd, MappingEnd -> close(event);
      default -> {}
    }
  }

  private void startDocument(Event event) {
    nextIndex++;
    inDocument = true;
    documentStart = source.position(event.getStartMark());
    documentStartEnd = source.position(event.getEndMark());
    anchors.clear();
    openAnchors.clear();
    stack.clear();
    root = null;
    collectionAliases = 0;
  }

  private void endDocument(DocumentEndEvent event) {
    Position end =
        event.isExplicit()
            ? source.position(event.getEndMark())
            : root != null ? root.range().end() : documentStartEnd;
    Range range = new Range(documentStart, end);
    documents.add(new YamlDocument(nextIndex - 1, Optional.ofNullable(root), range));
    inDocument = false;
  }

  private void scalar(ScalarEvent event) {
    count(1);
    boolean block = event.isLiteral() || event.isFolded();
    Range range = block ? source.withoutFinalBreak(range(event)) : range(event);
    Frame parent = stack.peek();
    String value =
        parent != null && parent.expectsKey()
            ? Keys.intern(event.getValue())
            : local(event.getValue());
    complete(new YamlScalar(value, style(event.getScalarStyle()), range), anchorOf(event), 1);
  }

  private String local(String value) {
    if (value.length() > 64) {
      return value;
    }
    String shared = values.putIfAbsent(value, value);
    return shared != null ? shared : value;
  }

  private void alias(AliasEvent event) {
    String name = event.getAlias().getValue();
    Range range = range(event);
    Anchored anchored = anchors.get(name);
    boolean recursive = openAnchors.getOrDefault(name, 0) > 0;
    if (recursive || anchored == null) {
      String why = recursive ? "alias refers to the node that contains it: *" : "undefined alias *";
      problems.add(new SyntaxProblem(why + name, range));
      add(new YamlScalar("", YamlScalar.Style.PLAIN, range), 1, range.end());
      return;
    }
    if (!(anchored.node() instanceof YamlScalar)
        && ++collectionAliases > limits.maxAliasesForCollections()) {
      throw new ParseLimitException(
          "more than " + limits.maxAliasesForCollections() + " aliases to collections",
          lastOffset,
          false);
    }
    count(anchored.size());
    add(anchored.node(), anchored.size(), range.end());
  }

  private void open(CollectionStartEvent event, boolean mapping) {
    if (stack.size() >= limits.maxDepth()) {
      String message = "nesting deeper than " + limits.maxDepth() + " levels";
      throw new ParseLimitException(message, lastOffset, false);
    }
    count(1);
    Optional<String> anchor = anchorOf(event);
    anchor.ifPresent(name -> openAnchors.merge(name, 1, Integer::sum));
    stack.push(new Frame(mapping, event.isFlow(), source.position(event.getStartMark()), anchor));
  }

  private void close(Event end) {
    Frame frame = stack.pop();
    frame.anchor.ifPresent(name -> openAnchors.merge(name, -1, Integer::sum));
    complete(frame.build(source.position(end.getEndMark())), frame.anchor, frame.size);
  }

  private void complete(YamlNode node, Optional<String> anchor, long size) {
    anchor.ifPresent(name -> anchors.put(name, new Anchored(node, size)));
    add(node, size, node.range().end());
  }

  private void add(YamlNode node, long size, Position end) {
    Frame parent = stack.peek();
    if (parent == null) {
      root = isImplicitEmpty(node) ? null : node;
      return;
    }
    if (parent.expectsKey()) {
      checkKey(parent, node);
    }
    parent.add(node, size, end);
  }

  /**
   * Kubernetes decodes YAML to JSON, whose keys are strings, so a collection key is never intended.
   */
  private void checkKey(Frame mapping, YamlNode key) {
    if (!(key instanceof YamlScalar scalar)) {
      String message = "a mapping key must be a scalar; \"{{ }}\" templates are not YAML";
      problems.add(new SyntaxProblem(message, key.range()));
    } else if (!mapping.rememberKey(scalar)) {
      problems.add(new SyntaxProblem("duplicate key \"" + scalar.value() + "\"", key.range()));
    }
  }

  /**
   * Counts nodes as a reader walking the tree meets them, so that aliases cannot hide an explosion.
   */
  private void count(long nodes) {
    nodeCount += nodes;
    if (nodeCount > limits.maxNodes()) {
      throw new ParseLimitException(
          "more than " + limits.maxNodes() + " nodes once aliases are expanded", lastOffset, true);
    }
  }

  /**
   * A plain scalar is never empty in the text, so an empty one is the parser's stand-in for
   * nothing.
   */
  private static boolean isImplicitEmpty(YamlNode node) {
    return node instanceof YamlScalar scalar
        && scalar.style() == YamlScalar.Style.PLAIN
        && scalar.value().isEmpty();
  }

  private Range range(Event event) {
    return new Range(source.position(event.getStartMark()), source.position(event.getEndMark()));
  }

  private static Optional<String> anchorOf(NodeEvent event) {
    return event.getAnchor().map(Anchor::getValue);
  }

  private static YamlScalar.Style style(ScalarStyle style) {
    return switch (style) {
      case DOUBLE_QUOTED, JSON_SCALAR_STYLE -> YamlScalar.Style.DOUBLE_QUOTED;
      case SINGLE_QUOTED -> YamlScalar.Style.SINGLE_QUOTED;
      case LITERAL -> YamlScalar.Style.LITERAL;
      case FOLDED -> YamlScalar.Style.FOLDED;
      default -> YamlScalar.Style.PLAIN;
    };
  }
}
