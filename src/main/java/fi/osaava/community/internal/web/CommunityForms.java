package fi.osaava.community.internal.web;

import fi.osaava.platform.StorableText;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the community's forms share: who is signed in, and a form's problems as the page shows them
 * (field → message, in the reader's language, in the order of the form's fields).
 */
@Component
class CommunityForms {

  private final ProfileApi profile;
  private final MessageSource messages;

  CommunityForms(ProfileApi profile, MessageSource messages) {
    this.profile = profile;
    this.messages = messages;
  }

  Optional<PersonId> person(@Nullable Authentication auth) {
    return auth == null ? Optional.empty() : profile.currentPerson(auth);
  }

  /** The signed-in person; anyone else is sent to sign in (401). */
  PersonId signedIn(@Nullable Authentication auth) {
    return person(auth)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to take part"));
  }

  /**
   * The form's problems by field: Bean Validation's, and text that cannot be stored (NUL and other
   * control characters) in any of {@code texts} (field → value).
   */
  Map<String, String> errors(
      BindingResult binding, Map<String, @Nullable String> texts, Locale locale) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (Map.Entry<String, @Nullable String> text : texts.entrySet()) {
      String field = text.getKey();
      String label = messages.getMessage("community.field." + field, null, field, locale);
      FieldError error = binding.getFieldError(field);
      if (error != null) {
        String code = String.valueOf(error.getCode());
        Object max =
            error.getArguments() != null && error.getArguments().length > 1
                ? error.getArguments()[1]
                : "";
        errors.put(
            field,
            "Size".equals(code)
                ? messages.getMessage("community.error.tooLong", new Object[] {label, max}, locale)
                : messages.getMessage("community.error.required", new Object[] {label}, locale));
      } else if (text.getValue() != null && !StorableText.isStorable(text.getValue())) {
        errors.put(
            field, messages.getMessage("community.error.unstorable", new Object[] {label}, locale));
      }
    }
    return errors;
  }
}
