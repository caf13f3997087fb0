package dev.strata.workspace;

import dev.strata.model.PostBuild;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flux {@code postBuild} variable substitution as far as it can be known from Git. Inline {@code
 * substitute} values resolve; defaults ({@code ${X:=d}}) apply only when no {@code substituteFrom}
 * could supply the variable at run time; everything else stays literally {@code ${X}}, marked
 * unresolved rather than guessed.
 */
public final class Substitution {
  public static final Substitution NONE = new Substitution(false, Map.of(), false);
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([_a-zA-Z][_a-zA-Z0-9]*)(?:(:?[=-])([^}]*))?}");

  /**
   * The substitutions made recently, so that a render makes the same instance as the render before
   * it of each Kustomization's substitution: build calls and applied objects are keyed by it, and
   * an equal one compared its whole map of variables (a cluster's settings) on every lookup.
   */
  private static final Recent<Substitution> RECENT = new Recent<>(1024);

  private final boolean enabled;
  private final Map<String, String> values;
  private final boolean openEnded;
  private final int hash;

  private Substitution(boolean enabled, Map<String, String> values, boolean openEnded) {
    this.enabled = enabled;
    this.values = Map.copyOf(values);
    this.openEnded = openEnded;
    this.hash =
        (Boolean.hashCode(enabled) * 31 + this.values.hashCode()) * 31 + (openEnded ? 1 : 0);
  }

  private static Substitution of(boolean enabled, Map<String, String> values, boolean openEnded) {
    return RECENT.intern(new Substitution(enabled, values, openEnded));
  }

  /** Whether substitution runs at all. */
  public boolean enabled() {
    return enabled;
  }

  /** The variables known from Git, by name. */
  public Map<String, String> values() {
    return values;
  }

  /** True when a {@code substituteFrom} source is not known here, so that more may be defined. */
  public boolean openEnded() {
    return openEnded;
  }

  @Override
  public boolean equals(Object other) {
    return other == this
        || other instanceof Substitution s
            && s.hash == hash
            && s.enabled == enabled
            && s.openEnded == openEnded
            && s.values.equals(values);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "Substitution[enabled="
        + enabled
        + ", values="
        + values
        + ", openEnded="
        + openEnded
        + "]";
  }

  public static Substitution of(PostBuild postBuild) {
    return postBuild.present()
        ? of(true, postBuild.substitute(), !postBuild.substituteFrom().isEmpty())
        : NONE;
  }

  /**
   * The variables a Kustomization substitutes, whose own values its applier substituted first (a
   * parent's patch may set {@code substitute: {CLUSTER: ${CLUSTER}}}).
   */
  public static Substitution of(PostBuild postBuild, Substitution applier) {
    return of(postBuild, applier, ref -> java.util.Optional.empty());
  }

  /**
   * The same, with the values of {@code substituteFrom} sources that the repository holds ({@code
   * known}: a ConfigMap's data); later sources override earlier ones and inline {@code substitute}
   * overrides them all (kustomize-controller {@code LoadVariables}). A source that is not known
   * leaves the substitution open-ended: a default may then be overridden in the cluster.
   */
  public static Substitution of(
      PostBuild postBuild,
      Substitution applier,
      java.util.function.Function<
              dev.strata.model.ObjectReference, java.util.Optional<Map<String, String>>>
          known) {
    if (!postBuild.present()) {
      return NONE;
    }
    Map<String, String> values = new java.util.LinkedHashMap<>();
    boolean open = false;
    for (dev.strata.model.ObjectReference from : postBuild.substituteFrom()) {
      java.util.Optional<Map<String, String>> data = known.apply(from);
      if (data.isPresent()) {
        values.putAll(data.get());
      } else {
        open = true;
      }
    }
    postBuild.substitute().forEach((k, v) -> values.put(k, applier.apply(v)));
    return of(true, values, open);
  }

  public static boolean unresolved(String text) {
    return text.contains("${");
  }

  public String apply(String text) {
    if (!enabled || text.indexOf('$') < 0) {
      return text;
    }
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (matcher.find()) {
      if (matcher.start() > 0 && text.charAt(matcher.start() - 1) == '$') {
        // $${X} is Flux's escape: it renders as the literal ${X}, never substituted.
        out.append(text, last, matcher.start() - 1).append(matcher.group());
        last = matcher.end();
        continue;
      }
      out.append(text, last, matcher.start());
      out.append(resolve(matcher));
      last = matcher.end();
    }
    out.append(text, last, text.length());
    return out.toString();
  }

  private String resolve(Matcher matcher) {
    String value = values.get(matcher.group(1));
    if (value != null) {
      return value;
    }
    if (matcher.group(2) != null && !openEnded) {
      return matcher.group(3);
    }
    return matcher.group();
  }
}
