package dev.strata.scratch;

import dev.strata.testing.Fixture;
import org.junit.jupiter.api.Test;

class DebugTest {
  @Test
  void dump() throws Exception {
    String text = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("fixture")));
    Fixture f = Fixture.of(text);
    var a = f.analysis();
    for (var c : a.clusters()) {
      System.out.println("CLUSTER " + c.name() + " " + c.root());
      for (var o : c.objects()) System.out.println("  " + o.id() + " owner=" + o.owner() + " deps=" + o.dependencies().stream().map(d -> d.target()).toList());
      for (var k : c.kustomizations()) System.out.println("  KS " + k.id() + " path=" + k.path() + " ext=" + k.external() + " dec=" + k.decryption());
      for (var r : c.references()) System.out.println("  REF " + r);
    }
    dev.strata.analysis.Analyzer.standard((r, e) -> { throw e; }).analyze(a).forEach(x -> System.out.println("F " + x.file() + ":" + x.range() + " " + x.rule() + " " + x.message()));
  }
}
