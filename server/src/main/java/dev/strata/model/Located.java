package dev.strata.model;

import dev.strata.text.Range;
import java.util.Objects;
import java.util.function.Function;

/** A value and the range of the source text it was read from. */
public final class Located<T> {
  private final T value;
  // The range as four ints rather than an object of its own: the model holds one Located for
  // nearly every field it reads.
  private final int startLine;
  private final int startCharacter;
  private final int endLine;
  private final int endCharacter;

  public Located(T value, Range range) {
    this.value = value;
    this.startLine = range.startLine();
    this.startCharacter = range.startCharacter();
    this.endLine = range.endLine();
    this.endCharacter = range.endCharacter();
  }

  public static <T> Located<T> of(T value, Range range) {
    return new Located<>(value, range);
  }

  public T value() {
    return value;
  }

  public Range range() {
    return Range.of(startLine, startCharacter, endLine, endCharacter);
  }

  public <R> Located<R> map(Function<T, R> mapper) {
    return new Located<>(mapper.apply(value), range());
  }

  /** Equal when value and range are equal, as a record of the two would be. */
  @Override
  public boolean equals(Object other) {
    return other == this
        || other instanceof Located<?> l
            && startLine == l.startLine
            && startCharacter == l.startCharacter
            && endLine == l.endLine
            && endCharacter == l.endCharacter
            && Objects.equals(value, l.value);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(value)
        + Range.hash(startLine, startCharacter, endLine, endCharacter);
  }

  @Override
  public String toString() {
    return String.valueOf(value);
  }
}
