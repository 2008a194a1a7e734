package fi.osaava.platform;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnmappableCharacterException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A strict, streaming reader of RFC 4180 CSV in UTF-8 with a header row, as published by ESCO and
 * the statistics services. Quoted fields may hold commas, quotes ({@code ""}) and line breaks;
 * lines end in LF or CRLF; a leading byte-order mark is skipped.
 *
 * <p>Every problem becomes an {@link InvalidInputException} naming the source, the line where the
 * record starts and the column: invalid UTF-8, an unterminated quote, text after a closing quote,
 * or a record with more or fewer fields than the header.
 */
public final class CsvReader implements Closeable {

  private static final int EOF = -1;

  private final Reader reader;
  private final String source;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private long line = 1;
  // Where the record being read starts and which of its fields is being read, so that a failure
  // found deep inside read() (a decoding error) can still name them.
  private long recordStart = 1;
  private int fieldIndex;
  private final List<String> header;
  private final Map<String, Integer> columns;
  private final StringBuilder field = new StringBuilder(64);
  private boolean padShortRecords;

  private CsvReader(Reader reader, String source) {
    this.reader = reader;
    this.source = source;
    // Skip the byte-order mark before parsing, not afterwards: a quoted first header name would
    // otherwise read as a quote inside an unquoted field.
    if (read() != '\uFEFF' && limit > 0) {
      position--;
    }
    List<String> first = readRecordValues(true);
    if (first == null) {
      throw new InvalidInputException(source, 1, null, "the file is empty; a header row is needed");
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < first.size(); i++) {
      String name = first.get(i).strip();
      if (index.putIfAbsent(name, i) != null) {
        throw new InvalidInputException(source, 1, name, "the header names this column twice");
      }
    }
    this.header = List.copyOf(first.stream().map(String::strip).toList());
    this.columns = Collections.unmodifiableMap(index);
  }

  /** Opens a UTF-8 stream; {@code source} names it in every error (usually the file name). */
  public static CsvReader open(InputStream in, String source) {
    return new CsvReader(new Utf8Reader(in), source);
  }

  /** Reads from characters that are already decoded. */
  public static CsvReader open(Reader reader, String source) {
    return new CsvReader(reader, source);
  }

  public String source() {
    return source;
  }

  /**
   * Accepts records that leave out trailing empty fields, reading them as empty. Some published
   * files (ESCO's {@code skillsHierarchy}) end rows early when their last columns are empty.
   * Records with too many fields are still an error.
   */
  public CsvReader padShortRecords() {
    this.padShortRecords = true;
    return this;
  }

  public List<String> header() {
    return header;
  }

  public boolean hasColumn(String name) {
    return columns.containsKey(name);
  }

  /**
   * Fails, naming the first missing column, unless the header has all of {@code required}.
   *
   * @throws InvalidInputException on line 1 with the missing column as the field
   */
  public void requireColumns(Set<String> required) {
    for (String name : required) {
      if (!columns.containsKey(name)) {
        throw new InvalidInputException(
            source, 1, name, "required column is missing (the header has " + header + ")");
      }
    }
  }

  /** The next record, or null at the end of the input. Blank lines between records are skipped. */
  public @Nullable CsvRecord next() {
    while (true) {
      long start = line;
      List<String> values = readRecordValues(false);
      if (values == null) {
        return null;
      }
      if (values.size() == 1 && values.getFirst().isEmpty() && header.size() > 1) {
        continue;
      }
      if (padShortRecords) {
        while (values.size() < header.size()) {
          values.add("");
        }
      }
      if (values.size() != header.size()) {
        // The first missing column, or "column N" for the first one beyond the header.
        String column = columnName(Math.min(values.size(), header.size()));
        throw new InvalidInputException(
            source,
            start,
            column,
            "expected " + header.size() + " fields as in the header, found " + values.size());
      }
      return new CsvRecord(source, start, values, columns);
    }
  }

  private @Nullable List<String> readRecordValues(boolean headerRow) {
    recordStart = line;
    fieldIndex = 0;
    int c = read();
    if (c == EOF) {
      return null;
    }
    // Errors name the line where the record starts, even when found on a later line of it.
    long start = recordStart;
    List<String> values = new ArrayList<>(headerRow ? 16 : Math.max(4, columnsCount()));
    while (true) {
      field.setLength(0);
      if (c == '"') {
        while (true) {
          c = read();
          if (c == EOF) {
            throw new InvalidInputException(
                source,
                start,
                columnName(values.size()),
                "a quoted field is not closed before the end of the file");
          }
          if (c == '"') {
            c = read();
            if (c == '"') {
              field.append('"');
              continue;
            }
            break;
          }
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
        if (c == '\r') {
          c = read();
          if (c != '\n') {
            throw new InvalidInputException(
                source, start, columnName(values.size()), "a carriage return not followed by LF");
          }
        }
        if (c != ',' && c != '\n' && c != EOF) {
          throw new InvalidInputException(
              source,
              start,
              columnName(values.size()),
              "unexpected character '" + printable(c) + "' after a closing quote");
        }
      } else {
        while (c != ',' && c != '\n' && c != EOF) {
          if (c == '\r') {
            int next = read();
            if (next == '\n') {
              c = next;
              break;
            }
            field.append('\r');
            c = next;
            continue;
          }
          if (c == '"') {
            throw new InvalidInputException(
                source,
                start,
                columnName(values.size()),
                "a quote inside an unquoted field; quote the whole field and double the quote");
          }
          field.append((char) c);
          c = read();
        }
      }
      values.add(field.toString());
      fieldIndex = values.size();
      if (c == ',') {
        c = read();
        continue;
      }
      if (c == '\n') {
        line++;
      }
      return values;
    }
  }

  private int columnsCount() {
    return header == null ? 16 : header.size();
  }

  private String columnName(int index) {
    if (header == null) {
      return "column " + (index + 1);
    }
    return index < header.size() ? header.get(index) : "column " + (index + 1);
  }

  private static String printable(int c) {
    return c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c);
  }

  private int read() {
    if (position == limit) {
      try {
        limit = reader.read(buffer, 0, buffer.length);
      } catch (CharacterCodingException e) {
        throw new InvalidInputException(
            source,
            recordStart,
            columnName(fieldIndex),
            "the text is not valid UTF-8 (" + e.getMessage() + ")",
            e);
      } catch (IOException e) {
        throw new InvalidInputException(
            source, recordStart, null, "cannot read: " + e.getMessage(), e);
      }
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return EOF;
      }
    }
    return buffer[position++];
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new InvalidInputException(source, line, null, "cannot close: " + e.getMessage(), e);
    }
  }

  /**
   * Strict UTF-8 decoding that hands over the characters before a bad byte sequence first and fails
   * only on the next read. {@link java.io.InputStreamReader} instead throws at once and drops every
   * character decoded in the same call, so the error would surface with the line count of wherever
   * that block began (line 1 for any file under 64 KiB) rather than the bad byte's line.
   */
  private static final class Utf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    // Decoded characters waiting to be read; the decoder writes here rather than into the caller's
    // array so that a surrogate pair always fits, however few characters the caller asks for.
    private final CharBuffer chars = CharBuffer.allocate(8192).flip();
    private boolean endOfBytes;
    private boolean finished;
    private @Nullable CharacterCodingException pending;

    Utf8Reader(InputStream in) {
      this.in = Objects.requireNonNull(in, "in");
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
      Objects.checkFromIndexSize(offset, length, target.length);
      if (length == 0) {
        return 0;
      }
      while (!chars.hasRemaining()) {
        if (pending != null) {
          throw pending;
        }
        if (finished) {
          return -1;
        }
        decode();
      }
      int n = Math.min(length, chars.remaining());
      chars.get(target, offset, n);
      return n;
    }

    private void decode() throws IOException {
      chars.clear();
      CoderResult result = decoder.decode(bytes, chars, endOfBytes);
      if (result.isError()) {
        pending =
            result.isMalformed()
                ? new MalformedInputException(result.length())
                : new UnmappableCharacterException(result.length());
      } else if (result.isUnderflow()) {
        if (endOfBytes) {
          decoder.flush(chars);
          finished = true;
        } else {
          bytes.compact();
          int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
          if (n < 0) {
            endOfBytes = true;
          } else {
            bytes.position(bytes.position() + n);
          }
          bytes.flip();
        }
      }
      // On overflow the characters are full and simply handed over.
      chars.flip();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
