package fi.osaava.notifications.internal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A new webhook subscription: which saved search, and where to post. */
record WebhookForm(
    @NotBlank @Nullable String savedSearch, @NotBlank @Size(max = 2000) @Nullable String url) {}
