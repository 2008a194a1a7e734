package fi.osaava.identification.internal;

import fi.osaava.platform.Language;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One sentence of a text with its words and language, ready for matching.
 *
 * @param start offset of the sentence in the original text
 * @param end offset just after the sentence
 * @param language the sentence's language, or null when neither given nor guessed
 * @param gloss its English gloss (empty for English or without learnt translations)
 */
record Piece(
    int start, int end, List<Token> tokens, @Nullable Language language, List<Token> gloss) {}
