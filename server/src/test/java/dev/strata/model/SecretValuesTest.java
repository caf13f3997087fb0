package dev.strata.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.syntax.YamlFile;
import dev.strata.syntax.YamlParser;
import dev.strata.workspace.SourceFile;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SecretValuesTest {
  private static final String SECRET =
      """
      apiVersion: v1
      kind: Secret
      metadata:
        name: &name app
      data:
        token: c2VjcmV0
      stringData:
        password: "hunter2 \\"quoted\\""
        url: 'postgres://user:${DB_PASSWORD}@db'
        op: op://vault/item/field
        alias: *name
        block: |
          first hunter2
          second
        empty: ""
        nested: {a: [hunter2]}
      sops:
        mac: ENC[AES256_GCM,data:abc,type:str]
        age:
          - recipient: age1example
            enc: |
              -----BEGIN AGE ENCRYPTED FILE-----
              ciphertext
              -----END AGE ENCRYPTED FILE-----
      """;

  @Provide
  Arbitrary<String> values() {
    Arbitrary<String> parts =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(8),
            Arbitraries.of(
                "ENC[",
                "${",
                "}",
                "${VAR}",
                "{{",
                "}}",
                "{{ .a }}",
                "op://",
                " ",
                "\n",
                "\t",
                "ref+",
                "<path:",
                "vault:",
                "~",
                "null",
                "$",
                "{",
                "\uD83D\uDE00"));
    return parts.list().ofMaxSize(6).map(list -> String.join("", list));
  }

  @Property(tries = 2000)
  void maskingKeepsTheShapeOfEveryValue(@ForAll("values") String value) {
    String masked = SecretValues.maskValue(value);
    assertEquals(value.length(), masked.length());
    assertEquals(shape(value), shape(masked), () -> value + " masked as " + masked);
    assertEquals(masked, SecretValues.maskValue(masked), "masking twice changes nothing");
  }

  @Provide
  Arbitrary<String> markedValues() {
    Arbitrary<String> dashes =
        Arbitraries.of(
            "-", "-----BEGIN AGE ENCRYPTED FILE-----", "-----END X-----", "AGE-SECRET-KEY-1");
    return Arbitraries.oneOf(values(), dashes)
        .list()
        .ofMaxSize(3)
        .map(list -> String.join("", list));
  }

  @Property(tries = 2000)
  void theScanWithoutAPatternKeepsWhatThePatternKeeps(@ForAll("markedValues") String value) {
    assertEquals(
        java.util.Arrays.toString(SecretValues.keptByPattern(value)),
        java.util.Arrays.toString(SecretValues.kept(value)),
        value);
  }

  private static SecretManifest.ValueShape shape(String value) {
    return ManifestReader.shape(
        new dev.strata.syntax.YamlScalar(
            value, dev.strata.syntax.YamlScalar.Style.DOUBLE_QUOTED, dev.strata.text.Range.ZERO));
  }

  @Test
  void hidesValuesInTheTextAndTheTreeButKeepsKeysShapesAndLines() {
    SourceFile file = SourceFile.parse("apps/secret.yaml", SECRET);
    assertFalse(file.text().contains("hunter2"), file.text());
    assertFalse(file.text().contains("c2VjcmV0"));
    assertFalse(file.text().contains("ciphertext"));
    assertFalse(file.text().contains("AES256_GCM"));
    assertFalse(file.syntax().documents().toString().contains("hunter2"));
    assertEquals(SECRET.length(), file.text().length());
    assertEquals(SECRET.lines().count(), file.text().lines().count());
    assertTrue(file.text().contains("url: 'xxxxxxxxxxxxxxxx${DB_PASSWORD}xxx'"), file.text());
    assertTrue(file.text().contains("op: op://xxxxxxxxxxxxxxxx"), file.text());
    assertTrue(file.text().contains("mac: ENC[xxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"), file.text());
    assertTrue(file.text().contains("name: &name app"), "an alias of a name is no secret");
    assertTrue(file.text().contains("block: |\n    xxxxx xxxxxxx\n"), file.text());
    SecretManifest secret = (SecretManifest) file.manifests().get(0);
    assertEquals(
        List.of("token", "password", "url", "op", "alias", "block", "empty", "nested"),
        secret.keys().stream().map(k -> k.key().value()).toList());
    assertEquals(
        List.of("PLAIN", "PLAIN", "PLACEHOLDER", "REFERENCE", "PLAIN", "PLAIN", "EMPTY", "PLAIN"),
        secret.keys().stream().map(k -> k.shape().name()).toList());
    assertTrue(secret.meta().encrypted(), "the mac is still there");
    assertEquals("app", secret.meta().nameText());
    assertTrue(secret.meta().node() == file.syntax().documents().get(0).root().get());
  }

  private static final String KEY =
      "-----BEGIN RSA PRIVATE KEY-----\n"
          + "MIIEowIBAAKCAQEAoItJhIMz1TTBKdUEt3fbaNDjRTtsIvk15KCaNaRy7f3a91"
          + "\n-----END RSA PRIVATE KEY-----\n";

  /**
   * {@code SourceFile.parse} reads the documents of a masked file without masking them again
   * ({@code ManifestReader.readMasked}): that is right only if a masked document has nothing left
   * to hide, whatever made a value hidden.
   */
  @Test
  void aMaskedDocumentHasNothingLeftToHide() {
    String encoded = java.util.Base64.getEncoder().encodeToString(KEY.getBytes());
    String text =
        SECRET
            + "---\napiVersion: v1\nkind: Secret\nmetadata: {name: tls}\ndata:\n  tls.key: "
            + encoded
            + "\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: leaked}\ndata:\n"
            + "  key: |\n"
            + KEY.indent(4)
            + "  token: ENC[AES256_GCM,data:CaNaRy7f3a91,type:str]\n  plain: visible\n";
    SourceFile file = SourceFile.parse("apps/secrets.yaml", text);
    assertFalse(file.text().contains("CaNaRy7f3a91"), file.text());
    assertFalse(file.text().contains(encoded), "the encoded key is masked too");
    assertTrue(file.text().contains("plain: visible"));
    assertEquals(3, file.syntax().documents().size());
    for (dev.strata.syntax.YamlDocument document : file.syntax().documents()) {
      assertTrue(
          SecretValues.mask(document) == document,
          () -> "masking again changes document " + document.index());
    }
    assertEquals(3, file.manifests().size());
    assertFalse(file.manifests().toString().contains("CaNaRy7f3a91"));
  }

  @Test
  void keepsTheDollarsThatEscapeAPlaceholder() {
    // $${x} is Flux's literal ${x}: masking the escape would turn it into a variable to substitute.
    assertEquals(
        "xxxx $${baseUrl}xxxx $$${TOKEN}",
        SecretValues.maskValue("curl $${baseUrl}/api $$${TOKEN}"));
  }

  @Test
  void theMaskedTextReadsAsTheSameYaml() {
    YamlFile original = YamlParser.parse(SECRET);
    YamlFile masked = YamlParser.parse(SourceFile.parse("s.yaml", SECRET).text());
    assertEquals(List.of(), masked.problems());
    assertEquals(ranges(original.documents().toString()), ranges(masked.documents().toString()));
  }

  private static List<String> ranges(String tree) {
    return java.util.regex.Pattern.compile("range=[0-9:-]+")
        .matcher(tree)
        .results()
        .map(java.util.regex.MatchResult::group)
        .toList();
  }

  @Test
  void hidesExternalSecretTemplatesAndLeavesOtherKindsAlone() {
    String external =
        """
        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata: {name: app}
        spec:
          target:
            template:
              data:
                url: "postgres://user:hunter2@db/{{ .database }}"
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        data:
          password: visible
        """;
    SourceFile file = SourceFile.parse("apps/external.yaml", external);
    assertFalse(file.text().contains("hunter2"));
    assertTrue(file.text().contains("{{ .database }}"));
    assertTrue(file.text().contains("password: visible"), "a ConfigMap is no Secret");
    ExternalSecret secret = (ExternalSecret) file.manifests().get(0);
    assertEquals("url", secret.templateDataKeys().get(0).value());
  }
}
