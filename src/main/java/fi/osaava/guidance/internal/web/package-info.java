/** The guidance pages: the client's sharing page, the counsellor's caseload and client view. */
package fi.osaava.guidance.internal.web;
