/** The opportunities REST API under /api/v1 and the opportunities, goal and plan pages. */
package fi.osaava.opportunities.internal.web;
