/** Relevance and speed benchmarks of the education search against the database-search baseline. */
package fi.osaava.education.internal.bench;
