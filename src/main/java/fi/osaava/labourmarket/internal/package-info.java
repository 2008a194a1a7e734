/** The labour-market module's implementation: its service behind the module API. */
package fi.osaava.labourmarket.internal;
