/** The opportunities module's services: data loading, matching, gaps, paths and plans. */
package fi.osaava.opportunities.internal;
