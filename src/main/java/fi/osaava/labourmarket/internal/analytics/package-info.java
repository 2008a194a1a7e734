/** Demand trends with significance tests, and forecasts of the statistics series with backtests. */
package fi.osaava.labourmarket.internal.analytics;
