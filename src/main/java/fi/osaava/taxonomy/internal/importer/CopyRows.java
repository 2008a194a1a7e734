package fi.osaava.taxonomy.internal.importer;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} in text format, the fastest way to load the
 * hundreds of thousands of labels and relations of a full ESCO release. The {@link
 * Mode#BATCHED_INSERT} mode writes the same rows with JDBC batches instead; the import benchmark
 * uses it as its baseline.
 */
final class CopyRows {

  enum Mode {
    COPY,
    BATCHED_INSERT
  }

  private static final int BATCH_SIZE = 1000;

  private final Mode mode;
  private final StringBuilder buffer = new StringBuilder(1 << 16);
  private final List<Object[]> batched = new ArrayList<>();
  private final List<Object> current = new ArrayList<>();
  private int rows;
  private boolean rowStarted;

  CopyRows() {
    this(Mode.COPY);
  }

  CopyRows(Mode mode) {
    this.mode = mode;
  }

  CopyRows add(@Nullable Object value) {
    if (mode == Mode.BATCHED_INSERT) {
      current.add(value);
      return this;
    }
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
    if (mode == Mode.BATCHED_INSERT) {
      batched.add(current.toArray());
      current.clear();
    } else {
      buffer.append('\n');
      rowStarted = false;
    }
    rows++;
    return this;
  }

  int rows() {
    return rows;
  }

  /** Writes the rows into {@code table} or {@code table (columns)} on the given connection. */
  long copyInto(Connection connection, String tableAndColumns) throws SQLException {
    if (rows == 0) {
      return 0;
    }
    if (mode == Mode.BATCHED_INSERT) {
      return insertBatched(connection, tableAndColumns);
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

  private long insertBatched(Connection connection, String tableAndColumns) throws SQLException {
    int width = batched.getFirst().length;
    String sql =
        "INSERT INTO "
            + tableAndColumns
            + " VALUES ("
            + String.join(",", java.util.Collections.nCopies(width, "?"))
            + ")";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int pending = 0;
      for (Object[] row : batched) {
        for (int i = 0; i < width; i++) {
          if (row[i] instanceof Integer n) {
            insert.setInt(i + 1, n);
          } else {
            // Untyped, so the server casts text to each column's type as COPY does.
            insert.setObject(i + 1, row[i] == null ? null : row[i].toString(), Types.OTHER);
          }
        }
        insert.addBatch();
        if (++pending == BATCH_SIZE) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
    return rows;
  }
}
