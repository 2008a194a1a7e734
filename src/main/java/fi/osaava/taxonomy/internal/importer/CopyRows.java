package fi.osaava.taxonomy.internal.importer;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} in text format, the fastest way to load the
 * hundreds of thousands of labels and relations of a full ESCO release.
 */
final class CopyRows {

  private final StringBuilder buffer = new StringBuilder(1 << 16);
  private int rows;
  private boolean rowStarted;

  CopyRows add(Object value) {
    if (rowStarted) {
      buffer.append('\t');
    }
    rowStarted = true;
    if (value == null) {
      buffer.append("\\N");
      return this;
    }
    String text = value.toString();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> buffer.append("\\\\");
        case '\n' -> buffer.append("\\n");
        case '\r' -> buffer.append("\\r");
        case '\t' -> buffer.append("\\t");
        default -> buffer.append(c);
      }
    }
    return this;
  }

  CopyRows endRow() {
    buffer.append('\n');
    rowStarted = false;
    rows++;
    return this;
  }

  int rows() {
    return rows;
  }

  /** Copies the rows into {@code table(columns)} on the transaction's connection. */
  long copyInto(Connection connection, String tableAndColumns) throws SQLException {
    if (rows == 0) {
      return 0;
    }
    try {
      return connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn("COPY " + tableAndColumns + " FROM STDIN", new StringReader(buffer.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY into " + tableAndColumns + " failed: " + e.getMessage(), e);
    }
  }
}
