package dev.strata.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Byte-level edits of real files: bit flips, inserts, deletions, duplications, YAML tokens,
 * truncation.
 */
final class Mutations {
  private Mutations() {}

  static final List<byte[]> TOKENS =
      List.of(
              ": ",
              "- ",
              "\n---\n",
              "&a ",
              "*a",
              "\t",
              "{{ .Values.x }}",
              "[",
              "{",
              "\"",
              "'",
              "|",
              ">-\n",
              "# ",
              "\u0000",
              "\r",
              "\uFEFF",
              "${VAR}",
              "../../",
              "!!binary ",
              "? ",
              "<<: *a\n",
              "%YAML 1.1\n",
              "\n  - name: x\n",
              "\n...\n",
              "\uD83D\uDE00")
          .stream()
          .map(t -> t.getBytes(StandardCharsets.UTF_8))
          .toList();

  static byte[] mutate(byte[] original, List<Integer> operations, long seed) {
    Random random = new Random(seed);
    byte[] bytes = original;
    for (int operation : operations) {
      bytes = apply(bytes, operation, random);
    }
    return bytes;
  }

  private static byte[] apply(byte[] bytes, int operation, Random random) {
    int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
    int length = Math.min(bytes.length - at, 1 + random.nextInt(40));
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 64);
    switch (operation % 7) {
      case 0 -> {
        byte[] copy = bytes.clone();
        if (copy.length > 0) {
          int i = Math.min(at, copy.length - 1);
          copy[i] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
      }
      case 1 -> {
        out.write(bytes, 0, at);
        out.write(random.nextInt(256));
        out.write(bytes, at, bytes.length - at);
      }
      case 2 -> {
        out.write(bytes, 0, at);
        out.write(bytes, at + length, bytes.length - at - length);
      }
      case 3 -> {
        out.write(bytes, 0, at + length);
        out.write(bytes, at, length);
        out.write(bytes, at + length, bytes.length - at - length);
      }
      case 4 -> {
        out.write(bytes, 0, at);
        out.writeBytes(TOKENS.get(random.nextInt(TOKENS.size())));
        out.write(bytes, at, bytes.length - at);
      }
      case 5 -> {
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1);
        if (lines.length > 1) {
          int a = random.nextInt(lines.length);
          int b = random.nextInt(lines.length);
          String swap = lines[a];
          lines[a] = lines[b];
          lines[b] = swap;
        }
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
      }
      default -> out.write(bytes, 0, at);
    }
    return out.toByteArray();
  }
}
