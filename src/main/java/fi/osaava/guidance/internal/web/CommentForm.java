package fi.osaava.guidance.internal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The client's comment on their plan with one organisation. */
record CommentForm(
    @NotBlank @Size(max = 500) String organisation, @NotBlank @Size(max = 2000) String comment) {}
