/** The labour-market REST API and pages. */
package fi.osaava.labourmarket.internal.web;
