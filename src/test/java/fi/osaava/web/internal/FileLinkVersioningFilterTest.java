package fi.osaava.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which links go through the resource chain: links to files only. */
class FileLinkVersioningFilterTest {

  @Test
  void linksToFilesAreVersioned() {
    assertThat(FileLinkVersioningFilter.isFile("/webjars/htmx.org/dist/htmx.min.js")).isTrue();
    assertThat(FileLinkVersioningFilter.isFile("/css/osaava.css?v=1#top")).isTrue();
    assertThat(FileLinkVersioningFilter.isFile("/favicon.svg")).isTrue();
  }

  @Test
  void pageLinksAreNot() {
    assertThat(FileLinkVersioningFilter.isFile("/")).isFalse();
    assertThat(FileLinkVersioningFilter.isFile("/profile")).isFalse();
    assertThat(FileLinkVersioningFilter.isFile("/profile/skills/5f0c/delete")).isFalse();
    // A dot in the query or in an earlier segment does not make a file.
    assertThat(FileLinkVersioningFilter.isFile("/concepts?uri=http://data.europa.eu/esco/s.1"))
        .isFalse();
    assertThat(FileLinkVersioningFilter.isFile("/webjars/htmx.org/dist")).isFalse();
    assertThat(FileLinkVersioningFilter.isFile("/profile#skills.list")).isFalse();
  }
}
