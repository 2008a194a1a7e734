/**
 * Competence identification: free text in Finnish, Swedish, English or Norwegian (or a mix) becomes
 * ranked ESCO skills and occupations, each with its evidence in the text and the reason it was
 * suggested. Other modules call {@link fi.osaava.identification.IdentificationApi} in-process.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Identification",
    allowedDependencies = {"platform", "text", "taxonomy", "web"})
package fi.osaava.identification;
