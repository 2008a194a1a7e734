package fi.osaava.servicenetwork.internal.importer;

import fi.osaava.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records of a JSON input with the line each starts on: a JSON array of objects, one object, or
 * an object whose {@code arrayProperty} holds the array. Both importers name a bad record by its
 * line, which the tree alone no longer knows.
 */
final class LocatedJson {

  /** One record of the input and the line its object starts on. */
  record Located(JsonNode node, long line) {}

  private LocatedJson() {}

  static List<Located> read(byte[] input, String source, String arrayProperty) {
    try (JsonParser parser = JsonMapper.shared().createParser(input)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InvalidInputException(source, 1, null, "empty: a JSON array is expected");
      }
      if (first == JsonToken.START_ARRAY) {
        List<Located> records = elements(parser);
        trailing(parser, source);
        return records;
      }
      long line = parser.currentTokenLocation().getLineNr();
      if (first != JsonToken.START_OBJECT) {
        throw new InvalidInputException(
            source, line, null, "a JSON array of services, or an object, is expected");
      }
      JsonNode root = parser.readValueAsTree();
      trailing(parser, source);
      if (root.has(arrayProperty)) {
        // Read again for the lines of the elements; the tree no longer knows them.
        return readWrapped(input, source, arrayProperty);
      }
      return List.of(new Located(root, line));
    } catch (JacksonException e) {
      long line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      throw new InvalidInputException(
          source, line, null, "not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** The elements of {@code {"<arrayProperty>": [...]}} with their lines. */
  private static List<Located> readWrapped(byte[] input, String source, String arrayProperty) {
    try (JsonParser parser = JsonMapper.shared().createParser(input)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals(arrayProperty)) {
          if (value != JsonToken.START_ARRAY) {
            throw new InvalidInputException(
                source,
                parser.currentTokenLocation().getLineNr(),
                arrayProperty,
                "must be an array of services");
          }
          return elements(parser);
        }
        parser.skipChildren();
      }
      return List.of();
    } catch (JacksonException e) {
      long line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      throw new InvalidInputException(
          source, line, null, "not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static List<Located> elements(JsonParser parser) {
    List<Located> records = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      long line = parser.currentTokenLocation().getLineNr();
      records.add(new Located(parser.readValueAsTree(), line));
    }
    return records;
  }

  private static void trailing(JsonParser parser, String source) {
    if (parser.nextToken() != null) {
      throw new InvalidInputException(
          source,
          parser.currentTokenLocation().getLineNr(),
          null,
          "unexpected content after the end of the JSON document");
    }
  }
}
