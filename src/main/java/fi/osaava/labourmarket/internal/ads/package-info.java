/**
 * Job-ad ingestion: JobPosting JSON-LD reading, enrichment, near-duplicate detection, synthetic
 * ads.
 */
package fi.osaava.labourmarket.internal.ads;
