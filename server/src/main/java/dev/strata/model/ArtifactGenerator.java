package dev.strata.model;

import java.util.List;
import java.util.Optional;

/**
 * A source-watcher {@code ArtifactGenerator} ({@code source.extensions.fluxcd.io}): it makes one
 * {@code ExternalArtifact} per entry of {@code artifacts}, in its own namespace, by copying paths
 * of its sources ({@code @alias/path}) into the artifact ({@code @artifact/path}) with {@code
 * cp}-like rules (fluxcd/source-watcher {@code docs/spec/v1beta1/artifactgenerators.md}).
 */
public record ArtifactGenerator(ObjectMeta meta, List<Source> sources, List<Output> artifacts)
    implements Manifest {
  public static final String GROUP = "source.extensions.fluxcd.io";

  public ArtifactGenerator {
    sources = List.copyOf(sources);
    artifacts = List.copyOf(artifacts);
  }

  /** A source the copies read, by the alias they use. */
  public record Source(String alias, String kind, String name, Optional<String> namespace) {}

  /** One ExternalArtifact and the copies that fill it. */
  public record Output(Located<String> name, List<Copy> copies) {
    public Output {
      copies = List.copyOf(copies);
    }
  }

  /** {@code from: @alias/pattern}, {@code to: @artifact/path}. */
  public record Copy(String from, String to) {}
}
