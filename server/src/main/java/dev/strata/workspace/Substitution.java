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
public record Substitution(boolean enabled, Map<String, String> values, boolean openEnded) {
  public static final Substitution NONE = new Substitution(false, Map.of(), false);
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([_a-zA-Z][_a-zA-Z0-9]*)(?:(:?[=-])([^}]*))?}");

  public Substitution {
    values = Map.copyOf(values);
  }

  public static Substitution of(PostBuild postBuild) {
    return postBuild.present()
        ? new Substitution(true, postBuild.substitute(), !postBuild.substituteFrom().isEmpty())
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
    return new Substitution(true, values, open);
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
