package dev.strata.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class NameSuggestionsTest {
  /** The bounded comparison agrees with the full edit distance, whatever the limit. */
  @Property(tries = 2000)
  void withinAgreesWithTheDistance(
      @ForAll @StringLength(max = 12) @Chars({'a', 'b', 'c', '-'}) String a,
      @ForAll @StringLength(max = 12) @Chars({'a', 'b', 'c', '-'}) String b,
      @ForAll @IntRange(max = 4) int limit) {
    assertEquals(
        NameSuggestions.distance(a, b) <= limit, NameSuggestions.within(a, b, limit), a + " " + b);
  }

  /**
   * The one-pass suggestion is the three-tier rule stated plainly: the least object of the kind
   * with the name, else the nearest (then least) within the limit in the namespace, else anywhere.
   */
  @Property(tries = 1000)
  void suggestsByTheThreeTiers(
      @ForAll("ids") java.util.List<dev.strata.workspace.ObjectId> ids,
      @ForAll("ids") java.util.List<dev.strata.workspace.ObjectId> targets) {
    java.util.Set<dev.strata.workspace.ObjectId> all = new java.util.LinkedHashSet<>(ids);
    for (dev.strata.workspace.ObjectId target : targets) {
      assertEquals(plainly(all, target), NameSuggestions.suggest(all, target), target + " " + all);
    }
  }

  private static java.util.Optional<dev.strata.workspace.ObjectId> plainly(
      java.util.Set<dev.strata.workspace.ObjectId> ids, dev.strata.workspace.ObjectId target) {
    java.util.Comparator<dev.strata.workspace.ObjectId> nearest =
        java.util.Comparator.<dev.strata.workspace.ObjectId>comparingInt(
                id -> NameSuggestions.distance(id.name(), target.name()))
            .thenComparing(java.util.Comparator.naturalOrder());
    int limit = Math.max(1, Math.min(3, target.name().length() / 4));
    java.util.List<dev.strata.workspace.ObjectId> kind =
        ids.stream().filter(id -> id.kind().equals(target.kind())).toList();
    return kind.stream()
        .filter(id -> id.name().equals(target.name()))
        .min(java.util.Comparator.naturalOrder())
        .or(
            () ->
                kind.stream()
                    .filter(id -> id.namespace().equals(target.namespace()))
                    .filter(id -> NameSuggestions.distance(id.name(), target.name()) <= limit)
                    .min(nearest))
        .or(
            () ->
                kind.stream()
                    .filter(id -> NameSuggestions.distance(id.name(), target.name()) <= limit)
                    .min(nearest));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<java.util.List<dev.strata.workspace.ObjectId>> ids() {
    net.jqwik.api.Arbitrary<String> kind =
        net.jqwik.api.Arbitraries.of("Kustomization", "HelmRelease");
    net.jqwik.api.Arbitrary<String> namespace = net.jqwik.api.Arbitraries.of("a", "b", "c");
    net.jqwik.api.Arbitrary<String> name =
        net.jqwik.api.Arbitraries.strings().withChars("abc-").ofMinLength(1).ofMaxLength(9);
    return net.jqwik.api.Combinators.combine(kind, namespace, name)
        .as(dev.strata.workspace.ObjectId::new)
        .list()
        .ofMaxSize(12);
  }
}
