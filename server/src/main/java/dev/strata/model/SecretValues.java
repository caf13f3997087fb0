package dev.strata.model;

import dev.strata.syntax.YamlDocument;
import dev.strata.syntax.YamlFile;
import dev.strata.syntax.YamlMapping;
import dev.strata.syntax.YamlNode;
import dev.strata.syntax.YamlScalar;
import dev.strata.syntax.YamlSequence;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the values no rule or fix needs, before anything keeps the tree: a core Secret's {@code
 * data} and {@code stringData} values but certificates and public keys ({@link KeyMaterial}), an
 * ExternalSecret's {@code target.template.data} values, every SOPS {@code ENC[...]} value, the
 * encrypted data keys ({@code enc}) of a {@code sops} block, and every value anywhere that holds a
 * private key. Each hidden character becomes {@code x}, except white space and line breaks, the
 * {@code ENC[} prefix, {@code ${VAR}} placeholders with the {@code $} that escape them ({@code
 * $${VAR}} is Flux's literal {@code ${VAR}}), {@code {{ }}} template actions, reference prefixes
 * such as {@code op://}, PEM armour lines and the {@code AGE-SECRET-KEY-1} prefix; a base64 private
 * key becomes the base64 of its masked text. So a hidden value keeps its {@link
 * SecretManifest.ValueShape} and {@link KeyMaterial}, and the masked text keeps its length in
 * UTF-16 units, its lines and every range. A scalar that also appears outside those places (an
 * alias of a name) is left as it is, since it is no secret there.
 */
public final class SecretValues {
  private static final Pattern KEPT =
      Pattern.compile(
          "\\$+\\{[^}]+}|\\{\\{.*?}}|\\{\\{|^\\s*(ENC\\[|op://|ref\\+|<path:|vault:)"
              + "|-----(?:BEGIN|END) [A-Z0-9 ]+-----|AGE-SECRET-KEY-1",
          Pattern.DOTALL);
  private static final char FILLER = 'x';
  private static final List<String> ANCHORED = List.of("ENC[", "op://", "ref+", "<path:", "vault:");

  private SecretValues() {}

  /** The file with its hidden values masked in the text and in every document. */
  public static YamlFile mask(YamlFile file) {
    List<YamlDocument> documents = new ArrayList<>();
    char[] text = null;
    for (YamlDocument document : file.documents()) {
      Map<YamlScalar, String> hidden = hidden(document);
      if (hidden.isEmpty()) {
        documents.add(document);
        continue;
      }
      if (text == null) {
        text = file.text().toCharArray();
      }
      for (Map.Entry<YamlScalar, String> scalar : hidden.entrySet()) {
        maskSource(text, file, scalar.getKey(), scalar.getValue());
      }
      documents.add(
          new YamlDocument(
              document.index(),
              document.root().map(root -> rebuild(root, hidden, new IdentityHashMap<>())),
              document.range()));
    }
    return text == null
        ? file
        : new YamlFile(new String(text), file.lines(), documents, file.problems());
  }

  /** One document with its hidden values masked; the same instance when nothing is hidden. */
  public static YamlDocument mask(YamlDocument document) {
    Map<YamlScalar, String> hidden = hidden(document);
    if (hidden.isEmpty()) {
      return document;
    }
    return new YamlDocument(
        document.index(),
        document.root().map(root -> rebuild(root, hidden, new IdentityHashMap<>())),
        document.range());
  }

  /**
   * A value with every character but white space and the shape markers replaced: {@code
   * ManifestReader.shape} says the same of both.
   */
  static String maskValue(String value) {
    Optional<String> decoded = KeyMaterial.decoded(value);
    if (decoded.isPresent() && KeyMaterial.privateKey(decoded.get()).isPresent()) {
      return maskEncoded(value, decoded.get());
    }
    char[] chars = value.toCharArray();
    boolean[] kept = kept(value);
    for (int i = 0; i < chars.length; i++) {
      if (!kept[i] && !Character.isWhitespace(chars[i])) {
        chars[i] = FILLER;
      }
    }
    return new String(chars);
  }

  /** Which characters of {@code value} a shape marker ({@link #KEPT}) covers. */
  static boolean[] kept(String value) {
    if (markerFree(value)) {
      // Only KEPT's anchored alternative can match: SOPS ciphertext, most of what is masked.
      boolean[] kept = new boolean[value.length()];
      Arrays.fill(kept, 0, anchoredMarker(value), true);
      return kept;
    }
    return keptByPattern(value);
  }

  /** {@link #kept} by the regular expression alone, which {@code SecretValuesTest} compares. */
  static boolean[] keptByPattern(String value) {
    boolean[] kept = new boolean[value.length()];
    Matcher matcher = KEPT.matcher(value);
    while (matcher.find()) {
      for (int i = matcher.start(); i < matcher.end(); i++) {
        kept[i] = true;
      }
    }
    return kept;
  }

  /**
   * None of the characters without which no alternative of {@link #KEPT} but the anchored one can
   * match: {@code $}, <code>{</code>, {@code -}.
   */
  private static boolean markerFree(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '$' || c == '{' || c == '-') {
        return false;
      }
    }
    return true;
  }

  /** The end of {@link #KEPT}'s anchored alternative at the start of {@code value}, or 0. */
  private static int anchoredMarker(String value) {
    int i = 0;
    while (i < value.length() && KeyMaterial.regexSpace(value.charAt(i))) {
      i++;
    }
    for (String marker : ANCHORED) {
      if (value.startsWith(marker, i)) {
        return i + marker.length();
      }
    }
    return 0;
  }

  /**
   * A base64 value that encodes a private key, masked as the base64 of its masked text: the armour
   * lines survive, so {@link KeyMaterial} still tells a private key from the mask, and the white
   * space and length stay.
   */
  private static String maskEncoded(String value, String decoded) {
    String encoded =
        Base64.getEncoder().encodeToString(maskValue(decoded).getBytes(StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder(value.length());
    int next = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c)) {
        out.append(c);
      } else {
        out.append(next < encoded.length() ? encoded.charAt(next++) : FILLER);
      }
    }
    return out.toString();
  }

  /**
   * The scalars to hide in one document, by identity (aliases share nodes), each with its mask: a
   * mask costs more than finding what to hide, so each is made once.
   */
  static Map<YamlScalar, String> hidden(YamlDocument document) {
    Set<YamlScalar> hidden = Collections.newSetFromMap(new IdentityHashMap<>());
    Optional<YamlMapping> root = document.mapping();
    if (root.isEmpty()) {
      return Map.of();
    }
    Set<YamlMapping.Entry> regions = Collections.newSetFromMap(new IdentityHashMap<>());
    regions(root.get(), regions);
    // Most documents have no region: then nothing is hidden for standing in one, and the walk that
    // finds what else shows a region's scalars (a third of a cold check's masking) is skipped.
    if (!regions.isEmpty()) {
      Set<YamlNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      regions.forEach(region -> visible(region.value(), Set.of(), seen, hidden));
      Set<YamlScalar> visible = Collections.newSetFromMap(new IdentityHashMap<>());
      visible(root.get(), regions, Collections.newSetFromMap(new IdentityHashMap<>()), visible);
      Set<dev.strata.text.Range> shown = new java.util.HashSet<>();
      visible.forEach(s -> shown.add(s.range()));
      hidden.removeIf(s -> (visible.contains(s) || shown.contains(s.range())) && !encrypted(s));
      // Certificates and public keys are public by design: kept, so their shape reads as such.
      hidden.removeIf(s -> KeyMaterial.of(s.value(), true) == KeyMaterial.PUBLIC);
    }
    leaking(root.get(), Collections.newSetFromMap(new IdentityHashMap<>()), hidden);
    Map<YamlScalar, String> masks = new IdentityHashMap<>();
    for (YamlScalar scalar : hidden) {
      if (scalar.isNull() || scalar.value().isBlank()) {
        continue;
      }
      String masked = maskValue(scalar.value());
      if (!masked.equals(scalar.value())) {
        masks.put(scalar, masked);
      }
    }
    return masks;
  }

  /** The entries whose values are to hide: they stand where the values are, not the nodes. */
  private static void regions(YamlMapping root, Set<YamlMapping.Entry> regions) {
    Fields fields = Fields.of(root);
    String apiVersion = fields.text("apiVersion").map(Located::value).orElse("");
    String kind = fields.text("kind").map(Located::value).orElse("");
    if (apiVersion.equals("v1") && kind.equals("Secret")) {
      values(root, List.of("data"), regions);
      values(root, List.of("stringData"), regions);
    }
    if (ApiVersion.parse(apiVersion).group().equals(ExternalSecret.GROUP)) {
      if (kind.equals("ExternalSecret")) {
        values(root, List.of("spec", "target", "template", "data"), regions);
      } else if (kind.equals("ClusterExternalSecret")) {
        values(root, List.of("spec", "externalSecretSpec", "target", "template", "data"), regions);
      }
    }
    root.entry("sops").ifPresent(sops -> dataKeys(sops.value(), regions));
  }

  /** The entries of the mapping at {@code path}, or the entry holding it when it is no mapping. */
  private static void values(YamlMapping root, List<String> path, Set<YamlMapping.Entry> regions) {
    YamlMapping parent = root;
    for (int i = 0; i < path.size(); i++) {
      Optional<YamlMapping.Entry> entry = parent.entry(path.get(i));
      if (entry.isEmpty()) {
        return;
      }
      boolean last = i == path.size() - 1;
      if (entry.get().value() instanceof YamlMapping mapping) {
        if (last) {
          regions.addAll(mapping.entries());
        }
        parent = mapping;
      } else {
        if (last) {
          regions.add(entry.get());
        }
        return;
      }
    }
  }

  /** {@code enc} entries anywhere under the {@code sops} block: the encrypted data keys. */
  private static void dataKeys(YamlNode node, Set<YamlMapping.Entry> regions) {
    if (node instanceof YamlMapping mapping) {
      for (YamlMapping.Entry entry : mapping.entries()) {
        if (entry.keyText().map(k -> k.equals("enc")).orElse(false)) {
          regions.add(entry);
        } else {
          dataKeys(entry.value(), regions);
        }
      }
    } else if (node instanceof YamlSequence sequence) {
      sequence.items().forEach(item -> dataKeys(item, regions));
    }
  }

  /** Scalars reachable from {@code node} without entering the value of a region entry. */
  private static void visible(
      YamlNode node, Set<YamlMapping.Entry> regions, Set<YamlNode> seen, Set<YamlScalar> into) {
    if (!seen.add(node)) {
      return;
    }
    if (node instanceof YamlScalar scalar) {
      into.add(scalar);
    } else if (node instanceof YamlMapping mapping) {
      for (YamlMapping.Entry entry : mapping.entries()) {
        visible(entry.key(), regions, seen, into);
        if (!regions.contains(entry)) {
          visible(entry.value(), regions, seen, into);
        }
      }
    } else if (node instanceof YamlSequence sequence) {
      sequence.items().forEach(item -> visible(item, regions, seen, into));
    }
  }

  /**
   * Every value that is hidden wherever it stands: {@code ENC[...]} ciphertext (keys are never
   * encrypted) and private keys (a key in Git leaks anywhere).
   */
  private static void leaking(YamlNode node, Set<YamlNode> seen, Set<YamlScalar> into) {
    if (!seen.add(node)) {
      return;
    }
    if (node instanceof YamlScalar scalar) {
      if (encrypted(scalar) || KeyMaterial.privateKey(scalar.value()).isPresent()) {
        into.add(scalar);
      }
    } else if (node instanceof YamlMapping mapping) {
      mapping.entries().forEach(e -> leaking(e.value(), seen, into));
    } else if (node instanceof YamlSequence sequence) {
      sequence.items().forEach(item -> leaking(item, seen, into));
    }
  }

  private static boolean encrypted(YamlScalar scalar) {
    return scalar.value().startsWith("ENC[");
  }

  /** A copy with hidden scalars masked; shared nodes stay shared, unchanged subtrees are reused. */
  private static YamlNode rebuild(
      YamlNode node, Map<YamlScalar, String> hidden, Map<YamlNode, YamlNode> done) {
    YamlNode known = done.get(node);
    if (known != null) {
      return known;
    }
    YamlNode result = node;
    if (node instanceof YamlScalar scalar && hidden.containsKey(scalar)) {
      result = new YamlScalar(hidden.get(scalar), scalar.style(), scalar.range());
    } else if (node instanceof YamlMapping mapping) {
      List<YamlMapping.Entry> entries = new ArrayList<>();
      boolean changed = false;
      for (YamlMapping.Entry entry : mapping.entries()) {
        YamlNode key = rebuild(entry.key(), hidden, done);
        YamlNode value = rebuild(entry.value(), hidden, done);
        changed |= key != entry.key() || value != entry.value();
        entries.add(
            key == entry.key() && value == entry.value()
                ? entry
                : new YamlMapping.Entry(key, value));
      }
      result = changed ? new YamlMapping(entries, mapping.flow(), mapping.range()) : mapping;
    } else if (node instanceof YamlSequence sequence) {
      List<YamlNode> items = new ArrayList<>();
      boolean changed = false;
      for (YamlNode item : sequence.items()) {
        YamlNode rebuilt = rebuild(item, hidden, done);
        changed |= rebuilt != item;
        items.add(rebuilt);
      }
      result = changed ? new YamlSequence(items, sequence.flow(), sequence.range()) : sequence;
    }
    done.put(node, result);
    return result;
  }

  /**
   * Masks a scalar's source: quotes and a block scalar's header line stay, so that the masked text
   * reads as the same YAML.
   */
  private static void maskSource(char[] text, YamlFile file, YamlScalar scalar, String mask) {
    String source = file.text();
    int start = file.lines().offset(scalar.range().start(), source);
    int end = Math.min(file.lines().offset(scalar.range().end(), source), text.length);
    if (start >= end) {
      return;
    }
    switch (scalar.style()) {
      case SINGLE_QUOTED, DOUBLE_QUOTED -> {
        char quote = scalar.style() == YamlScalar.Style.SINGLE_QUOTED ? '\'' : '"';
        if (text[start] == quote) {
          start++;
        }
        if (end > start && text[end - 1] == quote) {
          end--;
        }
      }
      case LITERAL, FOLDED -> {
        while (start < end && text[start] != '\n' && text[start] != '\r') {
          start++;
        }
      }
      default -> {}
    }
    if (start >= end) {
      return;
    }
    String slice = new String(text, start, end - start);
    // A plain or quoted scalar without escapes is its own source: its mask is the one made.
    String masked = slice.equals(scalar.value()) ? mask : maskValue(slice);
    masked.getChars(0, masked.length(), text, start);
  }
}
