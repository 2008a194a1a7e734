package fi.osaava.notifications.internal.web;

import fi.osaava.notifications.internal.Recipients.Frequency;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The e-mail choice on the saved searches page. */
record MailSettingsForm(
    @Email @Size(max = 254) @Nullable String email, @NotNull @Nullable Frequency frequency) {}
