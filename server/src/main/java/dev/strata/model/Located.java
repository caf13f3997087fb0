package dev.strata.model;

import dev.strata.text.Range;
import java.util.function.Function;

/** A value and the range of the source text it was read from. */
public record Located<T>(T value, Range range) {
  public static <T> Located<T> of(T value, Range range) {
    return new Located<>(value, range);
  }

  public <R> Located<R> map(Function<T, R> mapper) {
    return new Located<>(mapper.apply(value), range);
  }

  @Override
  public String toString() {
    return String.valueOf(value);
  }
}
