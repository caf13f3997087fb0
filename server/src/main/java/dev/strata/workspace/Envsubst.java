package dev.strata.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The variable references Flux's envsubst finds in a text, read by a port of its parser (fluxcd/pkg
 * {@code envsubst/parse/parse.go} and {@code scan.go}, as kustomize-controller v1.9 uses them
 * through envsubst v1.7.0). Only {@code ${...}} is an expression, never a bare {@code $VAR}; {@code
 * $$} is one literal {@code $}, so {@code $${VAR}} stays the text {@code ${VAR}}; a NUL ends the
 * text as the Go scanner's {@code eof} does. A text the parser rejects ({@code ${VAR-x}}, {@code
 * ${!VAR}}, an unclosed {@code ${}) yields the problem with the parser's own message: Flux then
 * fails the object's substitution whatever the variables.
 */
public final class Envsubst {
  /**
   * The operators that tolerate an unset variable in strict mode (fluxcd/pkg {@code
   * envsubst/template.go} {@code isDefaultOp}); every other operator, and none, needs it set.
   */
  private static final Set<String> DEFAULT_OPERATORS =
      Set.of("-", "+", "=", "?", ":-", ":+", ":=", ":?");

  private static final int EOF = 0;
  private static final int IDENT = 1;
  private static final int LBRACK = 2;
  private static final int RBRACK = 4;
  private static final int ESCAPE = 8;
  private static final int DOLLAR = 1;
  private static final int BACKSLASH = 2;

  private enum Token {
    ILLEGAL,
    EOF,
    IDENT,
    LBRACK,
    RBRACK
  }

  /**
   * One {@code ${...}} expression: the variable, its operator ({@code ""} for a bare {@code
   * ${VAR}}, {@code ":-"}, {@code "#"}, {@code "/"}...), and its start and end offsets in the text.
   * Expressions nested in another's arguments are listed too: envsubst evaluates every argument
   * before it looks the variable up, so a nested bare one needs its variable set as well.
   */
  public record Reference(String name, String operator, int start, int end) {
    /** True unless the operator supplies a value for an unset variable ({@code ${VAR:=x}}). */
    public boolean required() {
      return !DEFAULT_OPERATORS.contains(operator);
    }
  }

  /** Why the parser rejects a text, at the {@code ${} of the expression it was reading. */
  public record Problem(String message, int start) {}

  /** The references of a text in order, or the problem that stops the parser. */
  public record Parsed(List<Reference> references, Optional<Problem> problem) {
    public Parsed {
      references = List.copyOf(references);
    }
  }

  private static final Parsed NOTHING = new Parsed(List.of(), Optional.empty());

  private Envsubst() {}

  public static Parsed parse(String text) {
    if (!text.contains("${")) {
      return NOTHING;
    }
    return new Envsubst.Parser(text).run();
  }

  @FunctionalInterface
  private interface Accept {
    boolean test(int rune, int index);
  }

  private static final class Failure extends RuntimeException {
    Failure(String message) {
      super(message, null, false, false);
    }
  }

  /** The scanner and the recursive descent of {@code parse.go}, state for state. */
  private static final class Parser {
    private int[] buf;
    private int[] at;
    private int length;
    private int pos;
    private int start;
    private int width;
    private int mode;
    private int escapeChars;
    private Accept accept;
    private final List<Reference> references = new ArrayList<>();
    private int expression;

    Parser(String text) {
      int[] runes = text.codePoints().toArray();
      buf = runes;
      at = new int[runes.length];
      for (int i = 0, offset = 0; i < runes.length; i++) {
        at[i] = offset;
        offset += Character.charCount(runes[i]);
      }
      length = runes.length;
    }

    Parsed run() {
      try {
        parseAny();
        return new Parsed(references, Optional.empty());
      } catch (Failure failure) {
        return new Parsed(references, Optional.of(new Problem(failure.getMessage(), expression)));
      }
    }

    private void parseAny() {
      while (true) {
        accept = (r, i) -> true;
        mode = IDENT | LBRACK | ESCAPE;
        escapeChars = DOLLAR;
        switch (scan()) {
          case IDENT -> {}
          case EOF -> {
            return;
          }
          case LBRACK -> {
            expression = at[start];
            parseFunc(at[start]);
          }
          default -> throw new Failure("bad substitution");
        }
      }
    }

    private void parseFunc(int dollar) {
      escapeChars = DOLLAR | BACKSLASH;
      if (peek() == '#') {
        parseLenFunc(dollar);
        return;
      }
      accept = (r, i) -> identifier(r);
      mode = IDENT;
      if (scan() != Token.IDENT) {
        throw new Failure("unable to parse variable name");
      }
      String name = string();
      switch (peek()) {
        case ':' -> parseDefaultOrSubstr(name, dollar);
        case '=' -> parseDefaultFunc(name, dollar);
        case ',', '^' -> parseCasingFunc(name, dollar);
        case '/' -> parseReplaceFunc(name, dollar);
        case '#' -> parseRemoveFunc(name, dollar, (r, i) -> r == '#' && i < 3);
        case '%' -> parseRemoveFunc(name, dollar, (r, i) -> r == '%' && i < 3);
        default -> {
          accept = (r, i) -> identifier(r);
          mode = RBRACK;
          if (scan() != Token.RBRACK) {
            throw new Failure("missing closing brace");
          }
          add(name, "", dollar);
        }
      }
    }

    /** One argument: a nested expression or text. */
    private void parseParam(Accept accepting, int paramMode) {
      accept = accepting;
      mode = paramMode | LBRACK;
      switch (scan()) {
        case LBRACK -> parseFunc(at[start]);
        case IDENT, RBRACK -> {}
        default -> throw new Failure("unable to parse substitution within function");
      }
    }

    private void parseDefaultOrSubstr(String name, int dollar) {
      read();
      int next = peek();
      unread();
      if (next == '=' || next == '-' || next == '?' || next == '+') {
        parseDefaultFunc(name, dollar);
      } else {
        parseSubstrFunc(name, dollar);
      }
    }

    private void parseSubstrFunc(String name, int dollar) {
      accept = (r, i) -> i == 1 && r == ':';
      mode = IDENT;
      if (scan() != Token.IDENT) {
        throw new Failure("bad substitution");
      }
      String operator = string();
      parseParam((r, i) -> r != ':' && r != '}', IDENT);
      accept = (r, i) -> r == ':';
      mode = IDENT | RBRACK;
      switch (scan()) {
        case RBRACK -> {
          add(name, operator, dollar);
          return;
        }
        case IDENT -> {}
        default -> throw new Failure("bad substitution");
      }
      parseParam((r, i) -> r != '}', IDENT);
      consumeRbrack();
      add(name, operator, dollar);
    }

    private void parseRemoveFunc(String name, int dollar, Accept operatorAccept) {
      accept = operatorAccept;
      mode = IDENT;
      if (scan() != Token.IDENT) {
        throw new Failure("bad substitution");
      }
      String operator = string();
      parseParam((r, i) -> r != '}', IDENT);
      consumeRbrack();
      add(name, operator, dollar);
    }

    private void parseReplaceFunc(String name, int dollar) {
      accept = (r, i) -> (i == 1 && r == '/') || (i == 2 && (r == '/' || r == '#' || r == '%'));
      mode = IDENT;
      if (scan() != Token.IDENT) {
        throw new Failure("bad substitution");
      }
      String operator = string();
      parseParam((r, i) -> r != '/', IDENT | ESCAPE);
      accept = (r, i) -> r == '/';
      mode = IDENT;
      if (scan() != Token.IDENT) {
        throw new Failure("bad substitution");
      }
      if (peek() != '}') {
        parseParam((r, i) -> r != '}', IDENT | ESCAPE);
      }
      consumeRbrack();
      add(name, operator, dollar);
    }

    private void parseDefaultFunc(String name, int dollar) {
      accept =
          peek() == '='
              ? (r, i) -> i == 1 && r == '='
              : (r, i) ->
                  (i == 1 && r == ':')
                      || (i == 2 && (r == '=' || r == '-' || r == '?' || r == '+'));
      mode = IDENT;
      if (scan() != Token.IDENT) {
        throw new Failure("unable to parse default function");
      }
      String operator = string();
      while (peek() != '}') {
        parseParam((r, i) -> r != '}', IDENT);
      }
      consumeRbrack();
      add(name, operator, dollar);
    }

    private void parseCasingFunc(String name, int dollar) {
      accept = (r, i) -> (r == ',' || r == '^') && i < 3;
      mode = IDENT;
      if (scan() != Token.IDENT) {
        throw new Failure("bad substitution");
      }
      String operator = string();
      consumeRbrack();
      add(name, operator, dollar);
    }

    private void parseLenFunc(int dollar) {
      accept = (r, i) -> r == '#' && i == 1;
      mode = IDENT;
      if (scan() != Token.IDENT) {
        throw new Failure("bad substitution");
      }
      String operator = string();
      accept = (r, i) -> identifier(r);
      mode = IDENT;
      if (scan() != Token.IDENT) {
        throw new Failure("bad substitution");
      }
      String name = string();
      consumeRbrack();
      add(name, operator, dollar);
    }

    private void consumeRbrack() {
      mode = RBRACK;
      if (scan() != Token.RBRACK) {
        throw new Failure("bad substitution");
      }
    }

    /** Records an expression once its closing brace is read: nested ones come first. */
    private void add(String name, String operator, int dollar) {
      int end = pos > 0 ? at[pos - 1] + Character.charCount(buf[pos - 1]) : dollar;
      references.add(new Reference(name, operator, dollar, end));
    }

    private static boolean identifier(int rune) {
      return Character.isLetter(rune) || Character.isDigit(rune) || rune == '_';
    }

    private int read() {
      if (pos >= length) {
        width = 0;
        return EOF;
      }
      width = 1;
      return buf[pos++];
    }

    private void unread() {
      pos -= width;
    }

    private int peek() {
      int rune = read();
      unread();
      return rune;
    }

    /** Drops the rune just read, as the Go scanner slices it out of its buffer. */
    private void skip() {
      System.arraycopy(buf, pos, buf, pos - 1, length - pos);
      System.arraycopy(at, pos, at, pos - 1, length - pos);
      length--;
    }

    private String string() {
      return new String(buf, start, pos - start);
    }

    private Token scan() {
      start = pos;
      int rune = read();
      if (rune == EOF) {
        return Token.EOF;
      }
      if (scanLbrack(rune)) {
        return Token.LBRACK;
      }
      if (scanRbrack(rune)) {
        return Token.RBRACK;
      }
      if (scanIdent(rune)) {
        return Token.IDENT;
      }
      return Token.ILLEGAL;
    }

    private boolean scanIdent(int rune) {
      if ((mode & IDENT) == 0) {
        return false;
      }
      if (scanEscaped(rune)) {
        skip();
      } else if (!accept.test(rune, pos - start)) {
        return false;
      }
      while (true) {
        int next = read();
        if (next == EOF) {
          unread();
          return true;
        }
        if (scanLbrack(next)) {
          unread();
          unread();
          return true;
        }
        if (scanEscaped(next)) {
          skip();
          continue;
        }
        if (!accept.test(next, pos - start)) {
          unread();
          return true;
        }
      }
    }

    private boolean scanLbrack(int rune) {
      if ((mode & LBRACK) == 0) {
        return false;
      }
      if (rune == '$') {
        if (read() == '{') {
          return true;
        }
        unread();
      }
      return false;
    }

    private boolean scanRbrack(int rune) {
      return (mode & RBRACK) != 0 && rune == '}';
    }

    private boolean scanEscaped(int rune) {
      if ((mode & ESCAPE) == 0) {
        return false;
      }
      if (rune == '$' && (escapeChars & DOLLAR) != 0 && peek() == '$') {
        return true;
      }
      if (rune == '\\' && (escapeChars & BACKSLASH) != 0) {
        int next = peek();
        return next == '/' || next == '\\';
      }
      return false;
    }
  }
}
