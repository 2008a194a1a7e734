package fi.osaava.identification.internal;

/**
 * A word of the text: its lower-case form and its offsets in the original text.
 *
 * @param index position among the sentence's words
 */
record Token(String word, int start, int end, int index) {}
