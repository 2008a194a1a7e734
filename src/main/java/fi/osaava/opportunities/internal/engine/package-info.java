/** The matching engine as plain Java over compact int-indexed structures, free of Spring. */
package fi.osaava.opportunities.internal.engine;
