package dev.strata.analysis.rules;

import static dev.strata.analysis.rules.BootstrapDeadlockRuleTest.ROOT;
import static dev.strata.testing.FixtureAssertions.assertFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.ApiVersions;
import dev.strata.analysis.DeployedVersions;
import dev.strata.analysis.Finding;
import dev.strata.analysis.Version;
import dev.strata.model.Severity;
import dev.strata.testing.Fixture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UndefinedSubstitutionVariableRuleTest {
  private static final String RULE = "undefined-substitution-variable";

  /**
   * The apps Kustomization applies podinfo, which substitutes CLUSTER inline and DOMAIN from a
   * ConfigMap the repository applies; {@code postBuild} and {@code more} complete its spec.
   */
  private static String podinfo(String postBuild, String configMap) {
    return ROOT
        + "#- apps/podinfo.yaml\n"
        + """
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: podinfo
          namespace: flux-system
        spec:
          path: ./podinfo
          sourceRef: {kind: GitRepository, name: flux-system}
          targetNamespace: default
        """
        + postBuild.indent(2)
        + "#- apps/settings.yaml\n"
        + """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: flux-system
        data:
          DOMAIN: example.com
        """
        + "#- podinfo/configmap.yaml\n"
        + configMap;
  }

  private static final String SUBSTITUTES =
      """
      postBuild:
        substitute:
          CLUSTER: home
        substituteFrom:
          - kind: ConfigMap
            name: settings
      """;

  /** A defined, a defaulted, a substituteFrom-only and an undefined variable. */
  private static String fourVariables(String severity) {
    return podinfo(
        SUBSTITUTES,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: podinfo
        data:
          cluster: ${CLUSTER}
          region: ${REGION:=eu-west}
          domain: podinfo.${DOMAIN}
          token: ${TOKEN}
        #        ^^^^^^^^ %s[undefined-substitution-variable]: ${TOKEN} is not defined: Kustomization flux-system/podinfo (apps/podinfo.yaml:4) substitutes postBuild.substitute (CLUSTER) and ConfigMap flux-system/settings (apps/settings.yaml:4), and none defines TOKEN
        """
            .formatted(severity));
  }

  private static String pinned(String fixture, String version) {
    return fixture
        + "#- clusters/home/flux-system/gotk-components.yaml\n"
        + "# Flux Version: v"
        + version
        + "\n"
        + """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: flux-system
        """;
  }

  /** The version tests rely on DeployedVersions reading the gotk-components header. */
  private static void assumeDetected(String fixture) {
    Analysis analysis = Fixture.of(fixture).analysis();
    assertTrue(
        analysis.clusters().stream().anyMatch(c -> analysis.deployed(c).flux().isPresent()),
        "DeployedVersions reads no Flux version from the fixture's gotk-components.yaml");
  }

  @Test
  void warnsWhenTheFluxVersionIsUnknown() {
    assertFindings(fourVariables("warning"), RULE);
  }

  @Test
  void saysWhatHappensWhenTheVersionIsUnknown() {
    Finding finding = Fixture.of(fourVariables("warning")).findings(RULE).get(0);
    assertTrue(
        finding.message().contains("the Flux version is not known")
            && finding.message().contains("from Flux 2.9")
            && finding.message().contains("this is an error"),
        finding.message());
  }

  @Test
  void warnsUnderFluxTwoEightWhereTheVariableBecomesEmpty() {
    String fixture = pinned(fourVariables("warning"), "2.8.0");
    assumeDetected(fixture);
    assertFindings(fixture, RULE);
  }

  @Test
  void failsTheBuildUnderFluxTwoNine() {
    String fixture = pinned(fourVariables("error"), "2.9.0");
    assumeDetected(fixture);
    assertFindings(fixture, RULE);
  }

  @Test
  void errorFromFluxTwoNine() {
    DeployedVersions.Release eight = release("2.8.5");
    DeployedVersions.Release nine = release("2.9.0");
    assertEquals(Severity.WARNING, UndefinedSubstitutionVariableRule.severity(Optional.empty()));
    assertEquals(Severity.WARNING, UndefinedSubstitutionVariableRule.severity(Optional.of(eight)));
    assertEquals(Severity.ERROR, UndefinedSubstitutionVariableRule.severity(Optional.of(nine)));
    assertTrue(
        UndefinedSubstitutionVariableRule.outcome(Optional.of(eight))
            .startsWith(
                "Flux 2.8.5 (the # Flux Version: header,"
                    + " clusters/home/flux-system/gotk-components.yaml:1) applies it as an empty"
                    + " string"),
        UndefinedSubstitutionVariableRule.outcome(Optional.of(eight)));
    assertTrue(
        UndefinedSubstitutionVariableRule.outcome(Optional.of(nine))
            .contains("fails the whole build"));
  }

  private static DeployedVersions.Release release(String version) {
    return new DeployedVersions.Release(
        ApiVersions.FLUX,
        Version.parse(version).orElseThrow(),
        "clusters/home/flux-system/gotk-components.yaml",
        1,
        "the # Flux Version: header");
  }

  @Test
  void staysSilentWhenAnOptionalSourceIsAbsent() {
    assertFindings(
        podinfo(
            SUBSTITUTES
                + """
                    - kind: Secret
                      name: extra
                      optional: true
                """,
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: podinfo
            data:
              token: ${TOKEN}
            """),
        RULE);
  }

  @Test
  void staysSilentWhenASourceIsNotInTheRepository() {
    assertFindings(
        podinfo(
            SUBSTITUTES
                + """
                    - kind: Secret
                      name: cluster-secrets
                """,
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: podinfo
            data:
              token: ${TOKEN}
            """),
        RULE);
  }

  @Test
  void staysSilentWhenABootstrapScriptCreatesTheSource() {
    // The repository holds cluster-settings, but only a bootstrap step applies it: its keys in the
    // cluster may differ from the file's.
    assertFindings(
        podinfo(
                SUBSTITUTES
                    + """
                        - kind: ConfigMap
                          name: cluster-settings
                    """,
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: podinfo
                data:
                  token: ${TOKEN}
                """)
            + """
            #- bootstrap/cluster-settings.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cluster-settings
              namespace: flux-system
            data:
              DOMAIN: example.com
            """,
        RULE);
  }

  @Test
  void staysSilentWhenTheObjectDisablesSubstitution() {
    String object =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: podinfo
          %s:
            kustomize.toolkit.fluxcd.io/substitute: disabled
        data:
          token: ${TOKEN}
        """;
    assertFindings(podinfo(SUBSTITUTES, object.formatted("annotations")), RULE);
    assertFindings(podinfo(SUBSTITUTES, object.formatted("labels")), RULE);
  }

  @Test
  void reportsLiteralTextAsInfoWithoutPostBuild() {
    assertFindings(
        podinfo(
            "",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: podinfo
            data:
              url: https://${DOMAIN}/${PATH:=api}
            #              ^^^^^^^^^ info[undefined-substitution-variable]: ${DOMAIN} and 1 other ${...} in this object reach the cluster as literal text: Kustomization flux-system/podinfo (apps/podinfo.yaml:4) has no spec.postBuild
            """),
        RULE);
  }

  @Test
  void reportsLiteralTextAsInfoWhenNoVariableIsDefined() {
    // postBuild with nothing to substitute: kustomize-controller skips substitution altogether,
    // so even strict mode leaves ${TOKEN} as it is.
    assertFindings(
        podinfo(
            "postBuild: {}",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: podinfo
            data:
              token: ${TOKEN}
            #        ^^^^^^^^ info[undefined-substitution-variable]: has a spec.postBuild that defines no variable and no substituteStrategy: Always, so substitution does not run
            """),
        RULE);
  }

  @Test
  void substitutesWithNoVariableWhenTheStrategyIsAlways() {
    assertFindings(
        podinfo(
            """
            postBuild:
              substituteStrategy: Always
            """,
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: podinfo
            data:
              token: ${TOKEN}
            #        ^^^^^^^^ warning[undefined-substitution-variable]: substitutes with substituteStrategy: Always and no variable, and none defines TOKEN
              region: ${REGION:-eu}
            """),
        RULE);
  }

  @Test
  void readsEscapesAndBareDollarsAsEnvsubstDoes() {
    assertFindings(
        podinfo(
            SUBSTITUTES,
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: podinfo
            data:
              script: echo $${HOME} $USER $$$${ESCAPED}
              comment: ok # ${IN_A_COMMENT}
            """),
        RULE);
  }

  @Test
  void reportsAShellVariableInHelmReleaseValues() {
    // Flux substitutes every field, chart values included: the container gets an empty token.
    assertFindings(
        podinfo(
            SUBSTITUTES,
            """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: podinfo
            spec:
              chart:
                spec:
                  chart: podinfo
                  sourceRef: {kind: HelmRepository, name: charts, namespace: flux-system}
              values:
                command:
                  - sh
                  - -c
                  - curl -sS "http://podinfo:8080/cron/${CRON_TOKEN}"
            #                                          ^^^^^^^^^^^^^ warning[undefined-substitution-variable]: ${CRON_TOKEN} is not defined
            """),
        RULE);
  }

  @Test
  void needsAVariableNestedInADefault() {
    assertFindings(
        podinfo(
            SUBSTITUTES,
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: podinfo
            data:
              host: "${HOST:-${CLUSTER}.${ZONE}}"
            #                           ^^^^^^^ warning[undefined-substitution-variable]: ${ZONE} is not defined
            """),
        RULE);
  }

  @Test
  void reportsWhatEnvsubstCannotParse() {
    assertFindings(
        podinfo(
            SUBSTITUTES,
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: podinfo
            data:
              port: ${PORT-8080}
            #       ^^ error[undefined-substitution-variable]: Flux cannot parse this ${...} (missing closing brace): Kustomization flux-system/podinfo (apps/podinfo.yaml:4) substitutes this object, so its whole build fails in every Flux version
            """),
        RULE);
  }

  @Test
  void readsTheKeysOfASopsSecretAndNeverItsValues() {
    String fixture =
        podinfo(
                SUBSTITUTES
                    + """
                        - kind: Secret
                          name: secrets
                    """,
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: podinfo
                data:
                  password: ${DB_PASSWORD}
                  user: ${DB_USER}
                #       ^^^^^^^^^^ warning[undefined-substitution-variable]: Secret flux-system/secrets (apps/secrets.sops.yaml:4)
                """)
            + """
            #- apps/secrets.sops.yaml
            apiVersion: v1
            kind: Secret
            metadata:
              name: secrets
              namespace: flux-system
            stringData:
              DB_PASSWORD: ENC[AES256_GCM,data:canaryvalue1234,iv:aaaa,tag:bbbb,type:str]
            sops:
              mac: ENC[AES256_GCM,data:macmacmac,iv:cccc,tag:dddd,type:str]
              version: 3.9.0
            """;
    assertFindings(fixture, RULE);
    for (Finding finding : Fixture.of(fixture).findings(RULE)) {
      assertFalse(finding.message().contains("canary"), finding.message());
    }
  }

  @Test
  void readsTheKeysAnExternalSecretWrites() {
    String externalSecret =
        """
        #- apps/cluster-secrets.yaml
        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata:
          name: cluster-secrets
          namespace: flux-system
        spec:
          secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
          %s
        """;
    String known =
        """
        data:
            - secretKey: DB_PASSWORD
              remoteRef: {key: database, property: password}
        """;
    String object =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: podinfo
        data:
          password: ${DB_PASSWORD}
          user: ${DB_USER}
        %s
        """;
    String postBuild =
        SUBSTITUTES
            + """
                - kind: Secret
                  name: cluster-secrets
            """;
    assertFindings(
        podinfo(
                postBuild,
                object.formatted(
                    "#       ^^^^^^^^^^ warning[undefined-substitution-variable]: ${DB_USER}"))
            + externalSecret.formatted(known.strip()),
        RULE);
    // dataFrom brings keys nobody can list: nothing is known to be undefined.
    assertFindings(
        podinfo(postBuild, object.formatted(""))
            + externalSecret.formatted("dataFrom:\n    - extract: {key: cluster}"),
        RULE);
  }

  @Test
  void keepsTheEscapesOfAMaskedExternalSecretTemplate() {
    // The template is masked as a secret value; its $${x} must still read as an escape.
    assertFindings(
        podinfo(
            SUBSTITUTES,
            """
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: podinfo
            spec:
              secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
              target:
                template:
                  data:
                    config.js: |-
                      const url = `$${baseUrl}/api?key=$${apiKey}`;
                      console.log(`Loaded $${indexers.length} indexers`);
              data:
                - secretKey: key
                  remoteRef: {key: podinfo}
            """),
        RULE);
  }

  @Test
  void readsTheKeysOfAGeneratedConfigMap() {
    String generated =
        podinfo(
                SUBSTITUTES
                    + """
                        - kind: ConfigMap
                          name: generated
                    """,
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: podinfo
                data:
                  zone: ${ZONE}
                  tier: ${TIER}
                %s
                """)
            + """
            #- apps/kustomization.yaml
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
              - podinfo.yaml
              - settings.yaml
            configMapGenerator:
              - name: generated
                namespace: flux-system
                %s
            generatorOptions:
              disableNameSuffixHash: true
            """;
    assertFindings(
        generated.formatted(
            "#       ^^^^^^^ warning[undefined-substitution-variable]: ${TIER} is not defined",
            "literals: [ZONE=eu-west-1]"),
        RULE);
    // An env file's keys are not read: TIER may be one of them.
    assertFindings(generated.formatted("", "envs: [cluster.env]"), RULE);
  }

  @Test
  void takesACustomResourceDefinitionsDescriptionAsLiteralOnlyWithoutSubstitution() {
    String crd =
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          names: {kind: Widget, plural: widgets}
          scope: Namespaced
          versions:
            - name: v1
              schema:
                openAPIV3Schema:
                  description: Values are written as ${var} in the spec.
        %s
        """;
    assertFindings(podinfo("", crd.formatted("")), RULE);
    // With substitution running, Flux substitutes the description too.
    assertFindings(
        podinfo(
            SUBSTITUTES,
            crd.formatted(
                "#                                            ^^^^^^ warning[undefined-substitution-variable]: ${var} is not defined")),
        RULE);
  }

  @Test
  void staysSilentWhenTheKustomizationAnnotatesEveryObjectDisabled() {
    assertFindings(
        podinfo(
                SUBSTITUTES,
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: podinfo
                data:
                  token: ${TOKEN}
                """)
            + """
            #- podinfo/kustomization.yaml
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
              - configmap.yaml
            commonAnnotations:
              kustomize.toolkit.fluxcd.io/substitute: disabled
            """,
        RULE);
  }
}
