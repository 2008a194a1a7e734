package fi.osaava.taxonomy.internal.web;

import fi.osaava.platform.LocalizedText;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A text with the language it is really in, and whether that is a fallback. */
@Schema(name = "Text")
record TextJson(
    @Schema(example = "Python (tietokoneohjelmointi)") String text,
    @Schema(description = "ISO 639-1 code of the language the text is written in", example = "fi")
        String language,
    @Schema(description = "true when the requested language had no text and this is another one")
        boolean fallback) {

  static TextJson of(LocalizedText text) {
    return new TextJson(text.text(), text.language().code(), text.fallback());
  }

  static @Nullable TextJson ofNullable(@Nullable LocalizedText text) {
    return text == null ? null : of(text);
  }
}
