package dev.strata.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the repository says it comes from and where it is published: the remotes of its {@code
 * .git/config}, and every {@code flux push artifact URL --path=FOLDER} in CI workflows, Taskfiles,
 * justfiles, Makefiles and scripts. A pushed artifact holds the contents of {@code FOLDER}, so a
 * Kustomization's {@code spec.path} in it is relative to that folder (fluxcd/pkg {@code
 * oci/build.go}). {@code $VAR} in the URL is read from the same file's {@code VAR: value} or {@code
 * VAR=value} lines when it can be.
 */
record Publications(List<String> remotes, List<Push> pushes) {
  /** One push: the artifact's address without tag (when known) and the folder it is made of. */
  record Push(Optional<String> url, String folder, String file) {}

  private static final Pattern PUSH =
      Pattern.compile(
          "flux\\s+push\\s+artifact\\s+(\\S+)((?:\\s+(?:--|-)\\S+(?:\\s+[^-\\s]\\S*)?)*)");
  private static final Pattern PATH = Pattern.compile("--path(?:=|\\s+)[\"']?([^\"'\\s]+)");
  private static final Pattern REMOTE = Pattern.compile("(?m)^\\s*url\\s*=\\s*(\\S+)\\s*$");
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{\\{\\s*env\\.(\\w+)\\s*}}|\\$\\{(\\w+)}|\\$(\\w+)");

  Publications {
    remotes = List.copyOf(remotes);
    pushes = List.copyOf(pushes);
  }

  static Publications of(Snapshot snapshot) {
    List<String> remotes = new ArrayList<>();
    String config = snapshot.texts().get(TextFiles.GIT_CONFIG);
    if (config != null) {
      Matcher m = REMOTE.matcher(config);
      while (m.find()) {
        SourceUrl.normalize(m.group(1)).ifPresent(remotes::add);
      }
    }
    List<Push> pushes = new ArrayList<>();
    for (Map.Entry<String, String> text : snapshot.texts().entrySet()) {
      scan(text.getKey(), text.getValue(), pushes);
    }
    snapshot.perFile(Publications.class, Publications::pushes).forEach(pushes::addAll);
    return new Publications(remotes, pushes);
  }

  /** The pushes one file's text makes, or null when it makes none (most files). */
  private static List<Push> pushes(SourceFile file) {
    if (!file.text().contains("flux") || !file.text().contains("push")) {
      return null;
    }
    List<Push> found = new ArrayList<>();
    scan(file.path(), file.text(), found);
    return found.isEmpty() ? null : List.copyOf(found);
  }

  private static void scan(String file, String text, List<Push> pushes) {
    String joined = text.replaceAll("\\\\\\r?\\n", " ");
    Matcher push = PUSH.matcher(joined);
    while (push.find()) {
      Matcher path = PATH.matcher(push.group(2));
      if (!path.find()) {
        continue;
      }
      Optional<String> folder = RepositoryPath.normalize(path.group(1));
      if (folder.isEmpty() || path.group(1).contains("$")) {
        continue;
      }
      String url = resolve(push.group(1).replaceAll("^[\"']|[\"']$", ""), text);
      pushes.add(new Push(SourceUrl.withoutTag(url), folder.get(), file));
    }
  }

  /** {@code $VAR}, {@code ${VAR}} and {@code ${{ env.VAR }}} from assignments in the same text. */
  private static String resolve(String value, String text) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      Matcher assignment =
          Pattern.compile(
                  "(?m)^\\s*(?:export\\s+)?"
                      + Pattern.quote(name)
                      + "\\s*[:=]\\s*[\"']?([^\"'\\s#]+)")
              .matcher(text);
      out.append(value, last, m.start());
      out.append(assignment.find() ? assignment.group(1) : m.group());
      last = m.end();
    }
    out.append(value.substring(last));
    return out.toString();
  }
}
