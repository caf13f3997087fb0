package dev.strata.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.strata.analysis.Finding;
import dev.strata.syntax.YamlParser;
import dev.strata.workspace.Loader;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Byte-level mutations of real files never make decoding, parsing, reading manifests, rendering,
 * any rule or any view throw. Each mutated file replaces the original inside its whole repository,
 * so that the rules see it in context; the result does not depend on whether the file was parsed
 * once or twice.
 */
class MutationPropertiesTest {
  private static final List<RealFiles.RealFile> EXAMPLES =
      RealFiles.yamlFiles(RealFiles.examples(), 64 * 1024);
  private static final List<RealFiles.RealFile> CORPORA =
      RealFiles.yamlFiles(RealFiles.corpora(), 64 * 1024);
  private static final java.util.Map<java.nio.file.Path, List<Finding>> ORIGINAL_FINDINGS =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final AtomicLong TRIED = new AtomicLong();
  private static final AtomicLong CHANGED_FINDINGS = new AtomicLong();

  @Provide
  Arbitrary<List<Integer>> operations() {
    return Arbitraries.integers().between(0, 6).list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 200)
  void mutatedExampleFilesNeverBreakTheAnalysis(
      @ForAll("exampleFiles") RealFiles.RealFile file,
      @ForAll("operations") List<Integer> operations,
      @ForAll long seed) {
    check(file, operations, seed);
  }

  @Property(tries = 60)
  void mutatedCorpusFilesNeverBreakTheAnalysis(
      @ForAll("corpusFiles") RealFiles.RealFile file,
      @ForAll("operations") List<Integer> operations,
      @ForAll long seed) {
    check(file, operations, seed);
  }

  @Provide
  Arbitrary<RealFiles.RealFile> exampleFiles() {
    assertFalse(EXAMPLES.isEmpty(), "no examples found; set strata.examples");
    return Arbitraries.of(EXAMPLES);
  }

  @Provide
  Arbitrary<RealFiles.RealFile> corpusFiles() {
    return CORPORA.isEmpty() ? Arbitraries.of(EXAMPLES) : Arbitraries.of(CORPORA);
  }

  private static void check(RealFiles.RealFile file, List<Integer> operations, long seed) {
    TRIED.incrementAndGet();
    byte[] bytes = Mutations.mutate(RealFiles.bytes(file), operations, seed);
    SourceFile mutated = Loader.fromBytes(file.path(), bytes);
    YamlParser.parse(mutated.text());
    Snapshot original = RealFiles.snapshot(file.repository());
    Snapshot snapshot = original.withFile(mutated);
    List<Finding> findings = Views.everything(snapshot);
    SourceFile again = Loader.fromBytes(file.path(), bytes);
    assertEquals(mutated.manifests(), again.manifests(), "the same bytes, read again");
    assertEquals(
        mutated.syntax().problems(), again.syntax().problems(), "the same bytes, parsed again");
    if (!findings.equals(
        ORIGINAL_FINDINGS.computeIfAbsent(file.repository(), r -> Views.everything(original)))) {
      CHANGED_FINDINGS.incrementAndGet();
    }
  }

  @AfterContainer
  static void report() {
    Figures.record(
        "mutated real files",
        TRIED.get()
            + " mutations of "
            + EXAMPLES.size()
            + " example and "
            + CORPORA.size()
            + " corpus files; "
            + CHANGED_FINDINGS.get()
            + " changed the repository's findings");
  }
}
