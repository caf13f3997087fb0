package dev.strata.model;

import dev.strata.syntax.YamlFile;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlSequence;
import dev.strata.text.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code .sops.yaml}: its {@code creation_rules} in order (first match wins) and where it lives,
 * since {@code path_regex} is matched against paths relative to that folder.
 */
public record SopsConfig(
    String path, String directory, List<CreationRule> rules, List<ConfigProblem> problems) {
  /** The names sops looks for, in its order of preference. */
  public static final List<String> FILE_NAMES = List.of(".sops.yaml", ".sops.yml");

  public static boolean isConfigName(String name) {
    return FILE_NAMES.contains(name);
  }

  public SopsConfig {
    rules = List.copyOf(rules);
    problems = List.copyOf(problems);
  }

  /** One creation rule; no {@code pathRegex} matches every file. */
  public record CreationRule(
      Optional<Pattern> pathRegex, Optional<String> encryptedRegex, Range range) {
    /**
     * sops matches with Go's linear-time engine; Java's backtracks, so a hostile or careless
     * pattern could run for hours or overflow the stack. A match that reads the path more than
     * {@link #MATCH_BUDGET} times, or overflows, is undecided and counts as a match: the rules then
     * stay silent rather than warn about a rule that may apply.
     */
    public boolean matches(String relativePath) {
      if (pathRegex.isEmpty()) {
        return true;
      }
      try {
        return pathRegex.get().matcher(new Budgeted(relativePath)).find();
      } catch (Budgeted.Exhausted | StackOverflowError e) {
        return true;
      }
    }
  }

  /** Reads of the path one match may make before it is undecided. */
  static final long MATCH_BUDGET = 2_000_000;

  /** A path that stops a regular expression reading it too often. */
  private static final class Budgeted implements CharSequence {
    static final class Exhausted extends RuntimeException {
      Exhausted() {
        super("path_regex took too long", null, false, false);
      }
    }

    private final String text;
    private long left = MATCH_BUDGET;

    Budgeted(String text) {
      this.text = text;
    }

    @Override
    public char charAt(int index) {
      if (--left < 0) {
        throw new Exhausted();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.substring(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** Reads the file at {@code path} (repository-relative, forward slashes). */
  public static SopsConfig read(String path, YamlFile file) {
    int slash = path.lastIndexOf('/');
    String directory = slash < 0 ? "" : path.substring(0, slash);
    List<CreationRule> rules = new ArrayList<>();
    List<ConfigProblem> problems = new ArrayList<>();
    Optional<YamlMapping> root =
        file.documents().isEmpty() ? Optional.empty() : file.documents().get(0).mapping();
    if (root.isEmpty()) {
      if (file.problems().isEmpty()) {
        problems.add(new ConfigProblem(".sops.yaml has no creation_rules mapping", Range.ZERO));
      }
      return new SopsConfig(path, directory, rules, problems);
    }
    Fields fields = Fields.of(root.get());
    Optional<YamlNode> list = fields.node("creation_rules");
    boolean absent = list.isEmpty() && fields.node("destination_rules").isEmpty();
    if (absent || list.isPresent() && !(list.get() instanceof YamlSequence)) {
      Range at = list.map(YamlNode::range).orElse(root.get().range());
      problems.add(
          new ConfigProblem(
              ".sops.yaml must have a creation_rules list; sops cannot choose keys without it",
              at));
    }
    for (Fields rule : fields.mappings("creation_rules")) {
      Optional<Pattern> regex = Optional.empty();
      Optional<Located<String>> text = rule.text("path_regex");
      if (text.isEmpty() && rule.node("path_regex").isPresent()) {
        problems.add(
            new ConfigProblem(
                "path_regex must be a string", rule.node("path_regex").get().range()));
        continue;
      }
      if (text.isPresent()) {
        try {
          regex = Optional.of(Pattern.compile(text.get().value()));
        } catch (StackOverflowError e) {
          problems.add(
              new ConfigProblem("path_regex is nested too deeply to be read", text.get().range()));
          continue;
        } catch (PatternSyntaxException e) {
          problems.add(
              new ConfigProblem(
                  "path_regex is not a valid regular expression: " + e.getDescription(),
                  text.get().range()));
          continue;
        }
      }
      rules.add(
          new CreationRule(
              regex, rule.text("encrypted_regex").map(Located::value), rule.mapping().range()));
    }
    return new SopsConfig(path, directory, rules, problems);
  }

  /**
   * The first rule that applies to a repository-relative path, if the path lies under this file's
   * folder.
   */
  public Optional<CreationRule> ruleFor(String path) {
    String relative;
    if (directory.isEmpty()) {
      relative = path;
    } else if (path.startsWith(directory + "/")) {
      relative = path.substring(directory.length() + 1);
    } else {
      return Optional.empty();
    }
    return rules.stream().filter(r -> r.matches(relative)).findFirst();
  }
}
