package dev.strata;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md, enforced on the main classes so that a violation fails the build. */
class ArchitectureTest {
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.strata");
  }

  /**
   * The command that starts the language server is the one place the CLI may name the LSP layer.
   */
  private static final DescribedPredicate<JavaClass> LSP_LAUNCHING_COMMAND =
      DescribedPredicate.describe(
          "dev.strata.cli.LspCommand and its nested classes",
          c ->
              c.getName().equals("dev.strata.cli.LspCommand")
                  || c.getName().startsWith("dev.strata.cli.LspCommand$"));

  @Test
  void usesEachLayerOnlyFromTheLayersBelowIt() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("text")
        .definedBy("dev.strata.text..")
        .layer("syntax")
        .definedBy("dev.strata.syntax..")
        .layer("model")
        .definedBy("dev.strata.model..")
        .layer("workspace")
        .definedBy("dev.strata.workspace..")
        .layer("analysis")
        .definedBy("dev.strata.analysis..")
        .layer("lsp")
        .definedBy("dev.strata.lsp..")
        .layer("cli")
        .definedBy("dev.strata.cli..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("lsp")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("analysis")
        .mayOnlyBeAccessedByLayers("lsp", "cli")
        .whereLayer("workspace")
        .mayOnlyBeAccessedByLayers("analysis", "lsp", "cli")
        .whereLayer("model")
        .mayOnlyBeAccessedByLayers("workspace", "analysis", "lsp", "cli")
        .whereLayer("syntax")
        .mayOnlyBeAccessedByLayers("model", "workspace", "analysis", "lsp", "cli")
        .whereLayer("text")
        .mayOnlyBeAccessedByLayers("syntax", "model", "workspace", "analysis", "lsp", "cli")
        .ignoreDependency(LSP_LAUNCHING_COMMAND, resideInAPackage("dev.strata.lsp.."))
        .check(main);
  }

  @Test
  void keepsTheTextLayerOnTheJdkAlone() {
    noClasses()
        .that()
        .resideInAPackage("dev.strata.text..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.not(
                or(resideInAPackage("java.."), resideInAPackage("dev.strata.text.."))))
        .check(main);
  }

  @Test
  void importsLsp4jOnlyInTheLspLayer() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.strata.lsp..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.lsp4j..")
        .check(main);
  }

  @Test
  void importsSnakeyamlOnlyInTheSyntaxLayer() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.strata.syntax..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.snakeyaml..")
        .check(main);
  }

  @Test
  void keepsJgraphtInsideTheAnalysisLayer() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.strata.analysis..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.jgrapht..")
        .check(main);
  }

  @Test
  void touchesTheFileSystemOnlyInTheLoaderAndTheAdapters() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.strata.text..",
            "dev.strata.syntax..",
            "dev.strata.model..",
            "dev.strata.analysis..")
        .or(
            DescribedPredicate.describe(
                "workspace classes other than the Loader",
                (JavaClass c) ->
                    c.getPackageName().startsWith("dev.strata.workspace")
                        && !c.getName().equals("dev.strata.workspace.Loader")
                        && !c.getName().startsWith("dev.strata.workspace.Loader$")))
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.nio.file.Files")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileInputStream")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileReader")
        .check(main);
  }

  @Test
  void keepsRulesFreeOfIoAndProtocolTypes() {
    noClasses()
        .that()
        .resideInAPackage("dev.strata.analysis.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net..", "picocli..", "com.google.gson..", "org.eclipse.lsp4j..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.nio.file.Files")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.File")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileInputStream")
        .check(main);
  }
}
