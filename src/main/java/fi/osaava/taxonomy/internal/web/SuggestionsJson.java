package fi.osaava.taxonomy.internal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Autocomplete hits, best first; at most {@code limit} of them. */
@Schema(name = "Suggestions")
record SuggestionsJson(
    @Schema(example = "pyth") String query,
    @Schema(example = "fi") String language,
    @Schema(example = "10") int limit,
    List<SuggestionJson> items) {}
