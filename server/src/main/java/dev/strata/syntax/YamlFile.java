package dev.strata.syntax;

import dev.strata.text.LineIndex;
import java.util.List;

/** The result of parsing one text: the documents that could be read and the problems met. */
public record YamlFile(
    String text, LineIndex lines, List<YamlDocument> documents, List<SyntaxProblem> problems) {
  public YamlFile {
    documents = List.copyOf(documents);
    problems = List.copyOf(problems);
  }
}
