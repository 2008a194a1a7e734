package fi.osaava.platform;

import java.io.InputStream;

/**
 * Returns at most a few bytes per read, as a slow network stream may, so that multi-byte UTF-8
 * characters arrive in pieces.
 */
final class TrickleInputStream extends InputStream {

  private final byte[] bytes;
  private final int most;
  private int position;

  TrickleInputStream(byte[] bytes, int most) {
    if (most < 1) {
      throw new IllegalArgumentException("most must be positive: " + most);
    }
    this.bytes = bytes;
    this.most = most;
  }

  @Override
  public int read() {
    return position < bytes.length ? bytes[position++] & 0xFF : -1;
  }

  @Override
  public int read(byte[] target, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (position == bytes.length) {
      return -1;
    }
    int n = Math.min(Math.min(length, most), bytes.length - position);
    System.arraycopy(bytes, position, target, offset, n);
    position += n;
    return n;
  }
}
