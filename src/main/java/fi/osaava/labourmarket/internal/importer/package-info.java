/** The statistics importer: employment-service series, occupation indicators, boundaries. */
package fi.osaava.labourmarket.internal.importer;
