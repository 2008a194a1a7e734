/** The guidance module's implementation; private to it. */
package fi.osaava.guidance.internal;
