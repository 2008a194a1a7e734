/** The profile module's implementation: storage, consent gate, learner records and data rights. */
package fi.osaava.profile.internal;
