package fi.osaava.recommendations.internal.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The consent to hand a summary to one service: the checkbox must be ticked (an unticked box sends
 * nothing, hence {@code @NotNull} as well as {@code @AssertTrue}).
 */
record HandoverForm(@NotNull @AssertTrue @Nullable Boolean consent) {

  boolean consented() {
    return Boolean.TRUE.equals(consent);
  }
}
