package fi.osaava.identification.internal;

import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptRecord;
import fi.osaava.taxonomy.LabelKind;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parallel text between one language and English, for learning word translations. Its sources are
 * all published data read in place, never copied:
 *
 * <ul>
 *   <li>ESCO: every concept's labels and descriptions in the language and in English (skills and
 *       occupations for Finnish; occupations and ISCO groups for Swedish and Norwegian);
 *   <li>FreeDict's dictionaries from Debian ({@code dict-freedict-fin-eng}, {@code -eng-fin},
 *       {@code -swe-eng}, {@code -eng-swe}) in dictd format, when installed;
 *   <li>the higher-education programme descriptions of the national education search service
 *       (Konfo), which are written in Finnish, Swedish and English side by side.
 * </ul>
 *
 * <p>The nine ePerusteet qualification texts are deliberately not read: they are the held-out
 * evaluation material for Finnish and Swedish identification.
 */
final class ParallelCorpus {

  private static final Logger log = LoggerFactory.getLogger(ParallelCorpus.class);

  /** Where Debian installs the dictd dictionaries. */
  static final Path DICTD = Path.of("/usr/share/dictd");

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu})");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern NUMBERED = Pattern.compile("^\\d+\\.\\s+");

  private final WordForms source;
  private final WordForms english;
  private final List<WordTranslations.Segment> segments = new ArrayList<>();

  ParallelCorpus(WordForms source, WordForms english) {
    this.source = source;
    this.english = english;
  }

  List<WordTranslations.Segment> segments() {
    return segments;
  }

  /** Source keys of a text: each word's key and, for Voikko's compounds, the keys of its parts. */
  static List<String> sourceKeys(WordForms forms, String text) {
    List<String> keys = new ArrayList<>();
    for (String word : Tokenizer.words(text)) {
      if (forms.isStopword(word) || !Character.isLetter(word.charAt(0))) {
        continue;
      }
      keys.add(forms.key(word));
      // Only a real lexicon's compound parts; a stemmer's guessed splits would teach noise.
      if (forms.lexical()) {
        keys.addAll(forms.parts(word));
      }
    }
    return keys;
  }

  /**
   * English words of a text, lower case, function words included: a source word whose translation
   * is one ("nya" is "new") must have it to align to, or it aligns to whatever content word stands
   * beside it. Glosses leave such translations out.
   */
  static List<String> englishWords(WordForms english, String text) {
    List<String> words = new ArrayList<>();
    for (String word : Tokenizer.words(text)) {
      if (Character.isLetter(word.charAt(0))) {
        words.add(word);
      }
    }
    return words;
  }

  void add(String sourceText, String englishText) {
    List<String> s = sourceKeys(source, sourceText);
    List<String> e = englishWords(english, englishText);
    if (!s.isEmpty() && !e.isEmpty()) {
      segments.add(new WordTranslations.Segment(s, e));
    }
  }

  /** Labels pairwise (preferred with preferred, each other label with the English preferred). */
  void addEsco(EscoSnapshot esco) {
    Language language = source.language;
    int before = segments.size();
    for (ConceptRecord r : esco.records) {
      String en = r.preferredLabel(Language.EN);
      if (en == null) {
        continue;
      }
      for (ConceptRecord.Label label : r.labels()) {
        if (label.language() == language) {
          add(label.text(), en);
        } else if (label.language() == Language.EN && label.kind() != LabelKind.PREFERRED) {
          String own = r.preferredLabel(language);
          if (own != null) {
            add(own, label.text());
          }
        }
      }
      String theirs = r.descriptions().get(language);
      String ours = r.descriptions().get(Language.EN);
      if (theirs != null && ours != null) {
        addAligned(theirs, ours);
      }
    }
    log.debug("{} parallel segments from ESCO ({})", segments.size() - before, language);
  }

  /** Each concept's labels in the language against its Finnish preferred label, via the pivot. */
  void addEscoPivot(EscoSnapshot esco, WordForms pivot, WordTranslations pivotToEnglish) {
    for (ConceptRecord r : esco.records) {
      String middle = r.preferredLabel(pivot.language);
      if (middle == null) {
        continue;
      }
      for (ConceptRecord.Label label : r.labels()) {
        if (label.language() == source.language) {
          addPivot(label.text(), middle, pivot, pivotToEnglish);
        }
      }
    }
  }

  /**
   * Like {@link #addAligned}, against a pivot-language parallel that reaches English through it.
   */
  private void addAlignedPivot(
      String sourceText, String pivotText, WordForms pivot, WordTranslations pivotToEnglish) {
    String[] a = SENTENCE_END.split(sourceText.strip());
    String[] b = SENTENCE_END.split(pivotText.strip());
    if (pivotText.isBlank() || a.length != b.length) {
      return;
    }
    for (int i = 0; i < a.length; i++) {
      addPivot(a[i], b[i], pivot, pivotToEnglish);
    }
  }

  /** Sentence by sentence where both texts have as many sentences; otherwise not at all. */
  void addAligned(String sourceText, String englishText) {
    String[] a = SENTENCE_END.split(sourceText.strip());
    String[] b = SENTENCE_END.split(englishText.strip());
    if (a.length != b.length) {
      return;
    }
    for (int i = 0; i < a.length; i++) {
      add(a[i], b[i]);
    }
  }

  /**
   * A dictd dictionary of FreeDict's WikDict layout: a headword line ({@code word /ipa/ <pos>}),
   * then either one line of translations or numbered senses ({@code 1. cut, carve}), each followed
   * by a definition in the source language, which is skipped.
   *
   * @param reversed whether the dictionary goes from English into the source language
   */
  private void addDictionary(Path index, Path data, boolean reversed) {
    readDictionary(
        index,
        data,
        (headword, translation) -> {
          if (reversed) {
            add(translation, headword);
          } else {
            add(headword, translation);
          }
        });
  }

  /**
   * A dictionary from the language into a pivot language (Finnish for Swedish) whose own English
   * translations are known: each pair becomes a segment of the word and the English of its
   * translation. Swedish has few direct Swedish–English sources, and many Swedish–Finnish ones.
   *
   * @param reversed whether the dictionary goes from the pivot into the language
   */
  private void addPivotDictionary(
      Path index, Path data, boolean reversed, WordForms pivot, WordTranslations pivotToEnglish) {
    readDictionary(
        index,
        data,
        (headword, translation) -> {
          String own = reversed ? translation : headword;
          String theirs = reversed ? headword : translation;
          addPivot(own, theirs, pivot, pivotToEnglish);
        });
  }

  /** A segment of the language's text and the English of its pivot-language parallel. */
  void addPivot(
      String sourceText, String pivotText, WordForms pivot, WordTranslations pivotToEnglish) {
    List<String> s = sourceKeys(source, sourceText);
    if (s.isEmpty()) {
      return;
    }
    List<String> e = new ArrayList<>();
    for (String key : sourceKeys(pivot, pivotText)) {
      List<WordTranslations.Translation> found = pivotToEnglish.translate(key);
      if (!found.isEmpty() && found.getFirst().score() >= PIVOT_MIN) {
        e.add(found.getFirst().english());
      }
    }
    if (!e.isEmpty()) {
      segments.add(new WordTranslations.Segment(s, e));
    }
  }

  /** Pivot words less sure than this would pass their noise on. */
  private static final float PIVOT_MIN = 0.2f;

  private void readDictionary(
      Path index, Path data, java.util.function.BiConsumer<String, String> pairs) {
    if (!Files.isRegularFile(index) || !Files.isRegularFile(data)) {
      return;
    }
    int before = segments.size();
    try {
      byte[] text;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(data))) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        text = out.toByteArray();
      }
      try (BufferedReader lines = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          String[] fields = line.split("\t");
          if (fields.length < 3 || fields[0].startsWith("00database") || fields[0].isBlank()) {
            continue;
          }
          int offset = (int) dictdNumber(fields[1]);
          int length = (int) dictdNumber(fields[2]);
          if (offset < 0 || length <= 0 || offset + length > text.length) {
            continue;
          }
          String entry = new String(text, offset, length, StandardCharsets.UTF_8);
          for (String translation : translations(entry)) {
            pairs.accept(fields[0], translation);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Dictionary {} unreadable, learning without it: {}", data, e.toString());
    }
    log.debug("{} parallel segments from {}", segments.size() - before, data.getFileName());
  }

  /** The translations of one dictionary entry, each a word or short phrase. */
  static List<String> translations(String entry) {
    String[] lines = entry.split("\n");
    List<String> result = new ArrayList<>();
    boolean numbered = false;
    for (int i = 1; i < lines.length; i++) {
      if (NUMBERED.matcher(lines[i]).find()) {
        numbered = true;
        split(NUMBERED.matcher(lines[i]).replaceFirst(""), result);
      }
    }
    if (!numbered && lines.length > 1) {
      split(lines[1], result);
    }
    return result;
  }

  private static void split(String line, List<String> into) {
    for (String part : line.split("[,;]")) {
      String p = part.replaceAll("\\([^)]*\\)", " ").strip();
      // Longer "translations" are explanations, which align nothing with anything.
      if (!p.isEmpty() && p.split("\\s+").length <= 4) {
        into.add(p);
      }
    }
  }

  /** dictd's base-64 numbers (offsets and lengths in the index). */
  static long dictdNumber(String digits) {
    final String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = alphabet.indexOf(digits.charAt(i));
      if (d < 0) {
        throw new IllegalArgumentException("not a dictd number: " + digits);
      }
      value = value * 64 + d;
    }
    return value;
  }

  /**
   * The programme descriptions of Konfo exports ({@code konfo-*.jsonl} under {@code education/}),
   * sentence-aligned between the language and English.
   */
  /**
   * The programme descriptions of Konfo exports, sentence-aligned between the language and English,
   * and, with a pivot, also between the language and the pivot (whose sentences reach English
   * through the pivot's translations).
   */
  void addKonfo(
      Path dataDirectory, @Nullable WordForms pivot, @Nullable WordTranslations pivotToEnglish) {
    Path folder = dataDirectory.resolve("education");
    if (!Files.isDirectory(folder)) {
      return;
    }
    String code = source.language.code();
    int before = segments.size();
    JsonMapper json = JsonMapper.shared();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "konfo-*.jsonl")) {
      for (Path file : files) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
              continue;
            }
            JsonNode record = json.readTree(line);
            for (String field : List.of("nimi", "kuvaus")) {
              JsonNode node = record.path(field);
              String theirs = plain(node.path(code).asString(""));
              String ours = plain(node.path("en").asString(""));
              if (!theirs.isBlank() && !ours.isBlank()) {
                addAligned(theirs, ours);
              }
              if (pivot != null && pivotToEnglish != null && !theirs.isBlank()) {
                String middle = plain(node.path(pivot.language.code()).asString(""));
                addAlignedPivot(theirs, middle, pivot, pivotToEnglish);
              }
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Programme descriptions unreadable, learning without them: {}", e.toString());
    }
    log.debug("{} parallel segments from Konfo ({})", segments.size() - before, code);
  }

  /**
   * The national service catalogue's general service descriptions ({@code
   * services/ptv-general-descriptions-*.json}): names, summaries, descriptions and instructions in
   * fi, sv and en as lists of {@code {Lang, Label}}, sentence-aligned like the programmes.
   */
  void addServices(
      Path dataDirectory, @Nullable WordForms pivot, @Nullable WordTranslations pivotToEnglish) {
    Path folder = dataDirectory.resolve("services");
    if (!Files.isDirectory(folder)) {
      return;
    }
    String code = source.language.code();
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(folder, "ptv-general-descriptions-*.json")) {
      for (Path file : files) {
        JsonNode root = JsonMapper.shared().readTree(file.toFile());
        for (JsonNode service : root) {
          for (String field :
              List.of("Name", "ShortDescription", "Description", "UserInstructions")) {
            String theirs = label(service.path(field), code);
            if (theirs.isBlank() || theirs.startsWith("{")) {
              continue;
            }
            String ours = label(service.path(field), "en");
            if (!ours.isBlank() && !ours.startsWith("{")) {
              addAligned(theirs, ours);
            }
            if (pivot != null && pivotToEnglish != null) {
              addAlignedPivot(
                  theirs, label(service.path(field), pivot.language.code()), pivot, pivotToEnglish);
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Service descriptions unreadable, learning without them: {}", e.toString());
    }
  }

  /** The text of one language in a PTV list of {@code {Lang, Label}}, as plain text. */
  private static String label(JsonNode list, String language) {
    for (JsonNode entry : list) {
      if (language.equals(entry.path("Lang").asString(""))) {
        return plain(entry.path("Label").asString("")).replaceAll("[*#_]+", " ").strip();
      }
    }
    return "";
  }

  /**
   * Statistics Finland's classifications published per language ({@code classifications/*_fi.json},
   * {@code _sv}, {@code _en}): each item's names, matched by code.
   */
  void addClassifications(Path dataDirectory) {
    Path folder = dataDirectory.resolve("classifications");
    String code = source.language.code();
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*_" + code + ".json")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        Path english = file.resolveSibling(name.replace("_" + code + ".json", "_en.json"));
        if (!Files.isRegularFile(english)) {
          continue;
        }
        java.util.Map<String, String> ours = new java.util.HashMap<>();
        for (JsonNode item : JsonMapper.shared().readTree(english.toFile())) {
          ours.put(item.path("code").asString(""), itemName(item));
        }
        for (JsonNode item : JsonMapper.shared().readTree(file.toFile())) {
          String en = ours.get(item.path("code").asString(""));
          if (en != null) {
            add(itemName(item), en);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Classifications unreadable, learning without them: {}", e.toString());
    }
  }

  private static String itemName(JsonNode item) {
    JsonNode names = item.path("classificationItemNames");
    return names.isArray() && !names.isEmpty() ? names.get(0).path("name").asString("") : "";
  }

  private static String plain(String html) {
    return TAG.matcher(html).replaceAll(" ").replaceAll("\\s+", " ").strip();
  }

  private @Nullable String freeDictCode() {
    return switch (source.language) {
      case FI -> "fin";
      case SV -> "swe";
      case NO -> "nor";
      case EN -> null;
    };
  }

  /**
   * The FreeDict pair for a language with the pivot (Finnish), in both directions, from {@code
   * folder}, each pair reaching English through the pivot's translations.
   */
  void addPivotFreeDict(Path folder, WordForms pivot, WordTranslations pivotToEnglish) {
    String code = freeDictCode();
    if (code == null) {
      return;
    }
    addPivotDictionary(
        folder.resolve("freedict-" + code + "-fin.index"),
        folder.resolve("freedict-" + code + "-fin.dict.dz"),
        false,
        pivot,
        pivotToEnglish);
    addPivotDictionary(
        folder.resolve("freedict-fin-" + code + ".index"),
        folder.resolve("freedict-fin-" + code + ".dict.dz"),
        true,
        pivot,
        pivotToEnglish);
  }

  /** The FreeDict pair for a language with English, in both directions, from {@code folder}. */
  void addFreeDict(Path folder) {
    String code = freeDictCode();
    if (code == null) {
      return;
    }
    addDictionary(
        folder.resolve("freedict-" + code + "-eng.index"),
        folder.resolve("freedict-" + code + "-eng.dict.dz"),
        false);
    addDictionary(
        folder.resolve("freedict-eng-" + code + ".index"),
        folder.resolve("freedict-eng-" + code + ".dict.dz"),
        true);
  }
}
