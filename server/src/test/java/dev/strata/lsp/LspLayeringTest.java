package dev.strata.lsp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Only the language server speaks LSP4J; the analysis API stays in plain types (DESIGN.md
 * invariants).
 */
class LspLayeringTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.strata");

  @Test
  void onlyTheLspPackagesUseLsp4j() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.strata.lsp..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.lsp4j..")
        .check(CLASSES);
  }

  @Test
  void analysisDoesNotKnowTheServer() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.strata.lsp..", "dev.strata.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.strata.lsp..")
        .check(CLASSES);
  }
}
