package dev.strata.reliability;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing in a repository can make Strata start a program or open a connection, because main code
 * has no way to: no process builders, no {@code Runtime.exec}, no sockets, no URL connections, no
 * HTTP client. The language server may look up its client's process id with {@code ProcessHandle},
 * which starts nothing.
 */
class NoProcessOrNetworkTest {
  private static JavaClasses main;

  @BeforeAll
  static void importMainCode() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.strata");
  }

  private static void check(ArchRule rule) {
    rule.allowEmptyShould(true).check(main);
  }

  @Test
  void startsNoProgram() {
    check(
        noClasses()
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.lang.ProcessBuilder"));
    check(noClasses().should().callMethod(Runtime.class, "exec", String.class));
    check(
        noClasses()
            .should()
            .callMethodWhere(
                com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                                Runtime.class)))
                    .and(
                        com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                            com.tngtech.archunit.core.domain.properties.HasName.Predicates.name(
                                "exec")))));
    check(noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.lang.Process"));
  }

  @Test
  void opensNoConnection() {
    check(
        noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.net.http..", "javax.net..", "java.nio.channels.spi.."));
    for (String type :
        java.util.List.of(
            "java.net.Socket",
            "java.net.ServerSocket",
            "java.net.DatagramSocket",
            "java.net.HttpURLConnection",
            "java.net.URLConnection",
            "java.nio.channels.SocketChannel",
            "java.nio.channels.ServerSocketChannel",
            "java.nio.channels.DatagramChannel",
            "java.net.InetAddress",
            "java.net.InetSocketAddress")) {
      check(noClasses().should().dependOnClassesThat().haveFullyQualifiedName(type));
    }
    check(noClasses().should().callMethod(java.net.URL.class, "openConnection"));
    check(noClasses().should().callMethod(java.net.URL.class, "openStream"));
    check(noClasses().should().callMethod(java.net.URL.class, "getContent"));
  }

  @Test
  void loadsNoCodeAtRunTime() {
    check(
        noClasses()
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.net.URLClassLoader"));
    check(
        noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javax.script..", "javax.tools.."));
    check(noClasses().should().callMethod(System.class, "load", String.class));
    check(noClasses().should().callMethod(System.class, "loadLibrary", String.class));
  }
}
