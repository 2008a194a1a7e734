/** The profile's pages and its REST API under {@code /api/v1/profile}. */
package fi.osaava.profile.internal.web;
