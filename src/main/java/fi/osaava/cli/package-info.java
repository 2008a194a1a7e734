/** The {@code ./osaava} command line: starts the service, imports datasets and reports status. */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package fi.osaava.cli;
