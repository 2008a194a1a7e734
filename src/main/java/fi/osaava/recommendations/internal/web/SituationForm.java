package fi.osaava.recommendations.internal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The life situation and municipality the person chooses for their recommendations.
 *
 * @param situation a {@link fi.osaava.servicenetwork.LifeSituation} name
 * @param municipality three digits, or blank for anywhere
 */
record SituationForm(
    @NotBlank @Nullable String situation,
    @Pattern(regexp = "([0-9]{3})?") @Nullable String municipality) {}
