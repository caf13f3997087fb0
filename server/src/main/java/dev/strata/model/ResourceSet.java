package dev.strata.model;

import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import java.util.List;
import java.util.Optional;

/**
 * A Flux Operator {@code ResourceSet}: {@code resources} (those of its {@code steps} included) and
 * {@code resourcesTemplate} rendered once per input, with {@code << inputs.name >>} placeholders;
 * {@code dependsOn} names any objects that must exist first. {@code inputs} are the inline ones;
 * {@code inputsFrom} name {@code ResourceSetInputProvider}s whose inputs are known only in the
 * cluster, unless the provider is of type {@code Static} and lists them.
 */
public record ResourceSet(
    ObjectMeta meta,
    List<YamlMapping> inputs,
    List<ObjectReference> inputsFrom,
    Optional<String> inputStrategy,
    List<YamlNode> resources,
    Optional<Located<String>> resourcesTemplate,
    List<ObjectReference> dependsOn,
    boolean waitsForAll)
    implements Manifest {
  public static final String KIND = "ResourceSet";

  public ResourceSet {
    inputs = List.copyOf(inputs);
    inputsFrom = List.copyOf(inputsFrom);
    resources = List.copyOf(resources);
    dependsOn = List.copyOf(dependsOn);
  }
}
