package fi.osaava.taxonomy.internal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Autocomplete hits, best first; at most {@code limit} of them. */
@Schema(name = "Suggestions")
record SuggestionsJson(String query, String language, int limit, List<SuggestionJson> items) {}
