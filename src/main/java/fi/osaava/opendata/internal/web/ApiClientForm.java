package fi.osaava.opendata.internal.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An administrator's registration of an API client. The client id is the one the authorisation
 * server knows the client by; letters, digits and {@code . _ : @ / -} only, so that it can stand in
 * a path. The business ID is optional: a client that publishes services does so only under it
 * (checked in the controller with {@link fi.osaava.platform.BusinessId}). The quota is text until
 * checked, so that a value that is no number is an error beside its field like any other (a record
 * whose constructor cannot convert it would not be built).
 */
record ApiClientForm(
    @NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9._:@/-]*") @Nullable String clientId,
    @NotBlank @Size(max = 200) @Nullable String name,
    @NotBlank @Size(max = 200) @Nullable String organisation,
    @Size(max = 20) @Nullable String businessId,
    @NotBlank @Email @Size(max = 254) @Nullable String contactEmail,
    @NotBlank @Pattern(regexp = "[0-9]{1,6}") @Nullable String requestsPerMinute) {

  /** The most requests a minute a registration may give (the table's check says the same). */
  static final int MAX_PER_MINUTE = 100_000;

  static ApiClientForm empty(int requestsPerMinute) {
    return new ApiClientForm(null, null, null, null, null, Integer.toString(requestsPerMinute));
  }
}
