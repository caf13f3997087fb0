package dev.strata.intellij.build;

import com.jetbrains.plugin.structure.base.plugin.PluginCreationFail;
import com.jetbrains.plugin.structure.base.plugin.PluginCreationResult;
import com.jetbrains.plugin.structure.base.plugin.PluginCreationSuccess;
import com.jetbrains.plugin.structure.base.problems.PluginProblem;
import com.jetbrains.plugin.structure.intellij.plugin.IdePlugin;
import com.jetbrains.plugin.structure.intellij.plugin.IdePluginManager;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Everything that must hold of a distributable plugin zip, as a list of problems (empty when it is
 * good): JetBrains' own structure validation, the folder layout, every class plugin.xml names
 * present in lib/, nothing but the plugin's own classes in lib/ (no stand-ins, no LSP4J, no gson),
 * and the server jar outside lib/.
 */
record PluginZipCheck(Path zip, String version) {

  static final String ROOT = "strata-intellij/";

  List<String> problems() {
    List<String> problems = new ArrayList<>(structureProblems());
    problems.addAll(layoutProblems());
    return problems;
  }

  /**
   * Warnings the brief's plugin id causes and that are accepted on purpose: the id {@code
   * dev.strata.intellij} was chosen by the project, and the Marketplace only warns about the word
   * "intellij" in it.
   */
  private static final List<String> ACCEPTED_WARNINGS =
      List.of("should not include the word 'intellij'");

  /**
   * JetBrains' validator, the same code the Marketplace runs on upload. Its errors fail, and so do
   * its warnings (a too-short description is only a warning there) unless listed in {@link
   * #ACCEPTED_WARNINGS}.
   */
  List<String> structureProblems() {
    PluginCreationResult<IdePlugin> result = IdePluginManager.createManager().createPlugin(zip);
    List<PluginProblem> reported = new ArrayList<>();
    if (result instanceof PluginCreationFail<IdePlugin> fail) {
      reported.addAll(fail.getErrorsAndWarnings());
    } else if (result instanceof PluginCreationSuccess<IdePlugin> success) {
      reported.addAll(success.getWarnings());
      reported.addAll(success.getUnacceptableWarnings());
      success.getResources().forEach(PluginZipCheck::close);
    }
    return reported.stream()
        .filter(problem -> !accepted(problem))
        .map(problem -> "structure: " + problem.getLevel() + ": " + problem.getMessage())
        .toList();
  }

  private static boolean accepted(PluginProblem problem) {
    return problem.getLevel() != PluginProblem.Level.ERROR
        && ACCEPTED_WARNINGS.stream().anyMatch(problem.getMessage()::contains);
  }

  private List<String> layoutProblems() {
    Map<String, byte[]> libJars = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      if (file.getEntry(ROOT + "server/strata.jar") == null) {
        problems.add("layout: no " + ROOT + "server/strata.jar");
      }
      file.stream()
          .filter(entry -> entry.getName().startsWith(ROOT + "lib/") && !entry.isDirectory())
          .forEach(entry -> libJars.put(entry.getName(), read(file, entry)));
    } catch (IOException e) {
      return List.of("layout: cannot read " + zip + ": " + e.getMessage());
    }
    String expected = ROOT + "lib/strata-intellij-" + version + ".jar";
    if (!libJars.keySet().equals(java.util.Set.of(expected))) {
      problems.add("layout: lib/ must hold exactly " + expected + " but holds " + libJars.keySet());
      return problems;
    }
    problems.addAll(libJarProblems(libJars.get(expected)));
    return problems;
  }

  static List<String> libJarProblems(byte[] jar) {
    Map<String, byte[]> entries = entries(jar);
    List<String> problems = new ArrayList<>();
    entries.keySet().stream()
        .filter(name -> name.endsWith(".class"))
        .filter(name -> !name.startsWith("dev/strata/intellij/"))
        .forEach(
            name ->
                problems.add(
                    "lib: foreign class "
                        + name
                        + (name.startsWith("org/eclipse/lsp4j/")
                            ? " (LSP4J must come from LSP4IJ only)"
                            : "")));
    byte[] pluginXml = entries.get("META-INF/plugin.xml");
    if (pluginXml == null) {
      problems.add("lib: no META-INF/plugin.xml");
      return problems;
    }
    PluginXml.parse(pluginXml).classNames().stream()
        .filter(name -> !entries.containsKey(name.replace('.', '/') + ".class"))
        .forEach(
            name -> problems.add("lib: plugin.xml names " + name + ", which is not in the jar"));
    return problems;
  }

  private static Map<String, byte[]> entries(byte[] jar) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  private static byte[] read(ZipFile file, ZipEntry entry) {
    try (InputStream in = file.getInputStream(entry)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void close(Closeable resource) {
    try {
      resource.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
