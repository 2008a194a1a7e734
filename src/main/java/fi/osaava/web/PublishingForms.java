package fi.osaava.web;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the editor pages' forms ({@code /publish/offerings}, {@code /publish/job-ads}) do alike: the
 * editor's own record found by the id in the path, the form page's common model, saving through the
 * push API's reader and leading to the saved record's page, errors keyed by form field with a
 * message in the reader's language, listed in the form's page order for the error summary, and the
 * 400 page for a form the shell refused before binding (a field holding text the database cannot
 * store). Each form says only its own part ({@link Form}); its controller keeps only what is its
 * kind's: the list page, the form's own options and what publishing and withdrawing call.
 */
@Component
public class PublishingForms {

  /** The view of the page for a refused form. */
  public static final String REFUSED = "web/publishing-refused";

  /**
   * One kind of editor form.
   *
   * @param labels the message-key prefix of its field labels ({@code publish.offering.}) and, after
   *     {@code error.}, of the messages for what the reader refuses in a field ({@code
   *     publish.offering.error.url}; {@code error.other} for what it refuses in none)
   * @param fields its fields in page order: the error summary lists problems in this order
   * @param back the editor's list, where the refused page leads back; a record's page is {@code
   *     back/<id>}
   * @param backLabel the message key of that link's text
   * @param formField which form field a field named by the push API's reader comes from, if any
   */
  public record Form(
      String labels,
      List<String> fields,
      String back,
      String backLabel,
      Function<@Nullable String, Optional<String>> formField) {}

  /**
   * Publishes a form through the push API's reader, which refuses what is wrong with an {@link
   * InvalidInputException} naming the reader's field.
   */
  @FunctionalInterface
  public interface Publication {

    /** Publishes and returns the id of the record published (created or edited). */
    UUID publish();
  }

  private final MessageSource messages;

  PublishingForms(MessageSource messages) {
    this.messages = messages;
  }

  /**
   * The form page's model that every kind shows: the form as typed, the editor's organisation and
   * the {@code errors} in the form's page order.
   */
  public void show(
      Form form, Object values, String organisation, Map<String, String> errors, Model model) {
    model.addAttribute("form", values);
    model.addAttribute("organisation", organisation);
    model.addAttribute("errors", inPageOrder(form, errors));
  }

  /**
   * Saves a bound form: with no {@code errors} so far, publishes it and leads to the record's page
   * ({@code ?saved}); what the reader refuses joins {@code errors} under the form field it comes
   * from, and {@code again} shows the form with them.
   *
   * @param errors the problems found so far, by form field; a mutable map
   */
  public String save(
      Form form,
      Map<String, String> errors,
      Locale locale,
      Publication publication,
      Function<Map<String, String>, String> again) {
    if (errors.isEmpty()) {
      try {
        return "redirect:" + form.back() + "/" + publication.publish() + "?saved";
      } catch (InvalidInputException e) {
        String field = form.formField().apply(e.field()).orElse("");
        String problem = field.isEmpty() ? "other" : field;
        errors.put(field, message(form.labels() + "error." + problem, locale));
      }
    }
    return again.apply(errors);
  }

  /**
   * The binding's field errors (Bean Validation only bounds lengths on these forms) as "too long"
   * messages by form field, the first per field; an element of a list counts as the list, and the
   * ticked skills ({@code chosenSkills}) as the skills field.
   */
  public Map<String, String> tooLong(Form form, BindingResult binding, Locale locale) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError error : binding.getFieldErrors()) {
      String field = error.getField().replaceAll("\\[.*", "");
      field = field.equals("chosenSkills") ? "skills" : field;
      errors.putIfAbsent(
          field, message("publish.error.tooLong", locale, label(form, field, locale)));
    }
    return errors;
  }

  /**
   * {@code errors} in the form's page order, an error of no field (key {@code ""}) last; keys the
   * form does not have are left out.
   */
  public Map<String, String> inPageOrder(Form form, Map<String, String> errors) {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String field : form.fields()) {
      if (errors.containsKey(field)) {
        ordered.put(field, errors.get(field));
      }
    }
    if (errors.containsKey("")) {
      ordered.put("", errors.get(""));
    }
    return ordered;
  }

  /**
   * The 400 page for a form field holding text the database cannot store (a NUL), refused by the
   * shell before any binding: it names the field in the reader's language, instead of the shell's
   * generic page. A controller's {@code @ExceptionHandler} returns this, so only the editor's own
   * forms get it.
   */
  public String refused(Form form, InvalidInputException e, Locale locale, Model model) {
    String field = e.field();
    Object named =
        field != null && form.fields().contains(field) ? label(form, field, locale) : field;
    model.addAttribute("problem", message("publish.error.unstorable", locale, named));
    model.addAttribute("back", form.back());
    model.addAttribute("backLabel", message(form.backLabel(), locale));
    return REFUSED;
  }

  /** A field's label in the reader's language; the field's own name where it has none. */
  public String label(Form form, String field, Locale locale) {
    return Objects.requireNonNullElse(
        messages.getMessage(form.labels() + field, null, field, locale), field);
  }

  /** The message of {@code key} in the reader's language. */
  public String message(String key, Locale locale, @Nullable Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  /**
   * The language of an editor page's content (names, skills, municipalities): the reader's, but
   * English for Norwegian, which the catalogues do not have.
   */
  public static Language uiLanguage(Locale locale) {
    Language language = Language.of(locale);
    return language == Language.NO ? Language.EN : language;
  }

  /**
   * An editor's own record by the id in the path, or 404: an id that is no UUID is simply not
   * found, as another organisation's record is.
   *
   * @param find the record of this id among the editor's organisation's, if there is one
   * @param notFound what the 404 says
   */
  public static <S> S owned(String id, Function<UUID, Optional<S>> find, String notFound) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException(notFound);
    }
    return find.apply(uuid).orElseThrow(() -> new NotFoundException(notFound));
  }

  /** Whether a form field holds more than white space. */
  public static boolean isText(@Nullable String text) {
    return text != null && !text.isBlank();
  }

  /** The text without its surrounding white space, or null when there is none besides. */
  public static @Nullable String stripped(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /**
   * Puts a form field into the JSON that the publishing form pushes through the machine API's
   * reader, stripped, and leaves it out when it is empty.
   */
  public static void putIfText(ObjectNode node, String field, @Nullable String text) {
    String value = stripped(text);
    if (value != null) {
      node.put(field, value);
    }
  }
}
