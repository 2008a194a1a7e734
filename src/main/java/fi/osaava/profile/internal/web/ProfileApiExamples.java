package fi.osaava.profile.internal.web;

/**
 * Examples of the profile API's answers for the OpenAPI document, recorded from the API: a person
 * who added one job whose description the engine read "tietokanta" (ESCO's database skill) from,
 * accepted that suggestion and allowed anonymised statistics. The entry, the skill and the consent
 * are written once and stand in each document that holds them.
 */
final class ProfileApiExamples {

  private ProfileApiExamples() {}

  static final String ENTRY_ID = "70fef543-b234-4442-8e0f-dcbb6cc1179e";
  static final String SKILL_ID = "6addf875-b455-4576-9a6d-8ae342cf8a86";
  static final String CREDENTIAL_ID = "c2e7a9d4-1b3f-4e6a-8d5c-7f0b2a9e4d13";

  private static final String EXPERIENCE =
      """
      {
        "id": "70fef543-b234-4442-8e0f-dcbb6cc1179e",
        "kind": "WORK",
        "organisation": "Tampereen kaupunki",
        "title": "Ohjelmistokehittäjä",
        "start": "2021-03-01",
        "end": "2025-12-31",
        "description": "Kehitin verkkopalveluja Pythonilla ja Javalla, suunnittelin tietokantoja ja ohjasin harjoittelijoita.",
        "offeringId": null,
        "version": 0,
        "cvImportId": null,
        "occupationUri": null,
        "municipalityCode": "837"
      }
      """;

  private static final String SKILL =
      """
      {
        "id": "6addf875-b455-4576-9a6d-8ae342cf8a86",
        "skillUri": "http://data.europa.eu/esco/skill/43ae58b9-5e56-4524-b45a-b422777a0576",
        "label": "tietokanta",
        "sourceKind": "EXPERIENCE",
        "experienceId": "70fef543-b234-4442-8e0f-dcbb6cc1179e",
        "credentialId": null,
        "sourceLabel": "Ohjelmistokehittäjä, Tampereen kaupunki",
        "evidence": "tietokantoja",
        "proficiency": "INTERMEDIATE",
        "proficiencyVerified": false,
        "lastUsed": "2025-12-31",
        "verified": false,
        "issuer": null,
        "version": 0,
        "identified": true
      }
      """;

  private static final String CONSENT =
      """
      {
        "purpose": "ANONYMISED_STATISTICS",
        "textVersion": 2,
        "granted": true,
        "decidedAt": "2026-12-07T11:14:12.477093Z"
      }
      """;

  /** The part the profile and the export share, from the skills to the credentials. */
  private static final String SKILLS_TO_CREDENTIALS =
      """
        "skills": [
      """
          + SKILL
          + """
        ],
        "languages": [],
        "interests": [],
        "personalInterests": {"text": "", "answers": {}, "scores": {}, "version": 0},
        "credentials": [],
      """;

  static final String PROFILE =
      """
      {
        "person": "ce1f7f24-83fb-4a23-a6f9-a7295a33340e",
        "experiences": [
      """
          + EXPERIENCE
          + """
        ],
      """
          + SKILLS_TO_CREDENTIALS
          + """
        "consents": {"ANONYMISED_STATISTICS":
      """
          + CONSENT
          + """
        }
      }
      """;

  static final String EXPORT =
      """
      {
        "format": "osaava-profile-export/1",
        "exportedAt": "2026-12-07T11:14:12.844585252Z",
        "person": "ce1f7f24-83fb-4a23-a6f9-a7295a33340e",
        "identity": "The sign-in identifier is stored only as an HMAC digest, which is not reversible and therefore not exported",
        "experiences": [
      """
          + EXPERIENCE
          + """
        ],
        "cvUploads": [],
        "suggestions": [
          {
            "experienceId": "70fef543-b234-4442-8e0f-dcbb6cc1179e",
            "skillUri": "http://data.europa.eu/esco/skill/43ae58b9-5e56-4524-b45a-b422777a0576",
            "label": "tietokanta",
            "evidence": "tietokantoja",
            "score": 0.859,
            "decision": "ACCEPTED"
          },
          {
            "experienceId": "70fef543-b234-4442-8e0f-dcbb6cc1179e",
            "skillUri": "http://data.europa.eu/esco/skill/e49f4158-9d4c-425d-bf32-dfe89b19840a",
            "label": "suunnitella",
            "evidence": "suunnittelin",
            "score": 0.583,
            "decision": "PENDING"
          }
        ],
      """
          + SKILLS_TO_CREDENTIALS
          + """
        "consents": [
      """
          + CONSENT
          + """
        ],
        "audit": [
          {
            "at": "2026-12-07T11:14:12.477Z",
            "actor": "self",
            "action": "consent-granted:anonymised_statistics"
          },
          {"at": "2026-12-07T11:14:12.259Z", "actor": "self", "action": "suggestion-accepted"},
          {"at": "2026-12-07T11:14:04.767Z", "actor": "self", "action": "experience-added"},
          {"at": "2026-12-07T11:14:04.681Z", "actor": "self", "action": "account-created"}
        ],
        "community": {
          "displayName": null,
          "groups": [],
          "posts": [],
          "reports": [],
          "suggestions": [],
          "eventRegistrations": []
        },
        "guidance": {
          "plans": {"steps": [], "sharedNotes": [], "comments": []},
          "clientInvitations": [],
          "counsellorMemberships": [],
          "reminderSetting": {},
          "invitationCodes": []
        },
        "careerSelfAssessments": [],
        "notifications": {"savedSearches": [], "inbox": [], "webhooks": []},
        "learningPlans": [],
        "counsellorConsents": [],
        "learningProgrammes": {"enrolments": [], "modulesDone": [], "quizAttempts": [], "reflections": []},
        "workplaceTeams": {"memberships": [], "managedTeams": [], "assignmentsMade": []},
        "recommendations": {"situation": [], "handovers": []},
        "regionalForumRegistrations": []
      }
      """;

  static final String EUROPASS =
      """
      {
        "@context": ["https://www.w3.org/ns/credentials/v2", "http://data.europa.eu/snb/model/context/edc-ap"],
        "id": "urn:uuid:ed5c1692-d2bb-4197-84b1-6a3cbee20192",
        "type": ["VerifiablePresentation", "EuropassCV"],
        "note": "Self-declared profile exported from Osaava; not signed",
        "holder": {
          "id": "urn:uuid:ce1f7f24-83fb-4a23-a6f9-a7295a33340e",
          "type": "Person",
          "hasClaim": [
            {
              "id": "urn:uuid:70fef543-b234-4442-8e0f-dcbb6cc1179e",
              "type": "WorkExperience",
              "title": {"fi": "Ohjelmistokehittäjä"},
              "organisation": {"legalName": {"fi": "Tampereen kaupunki"}},
              "description": {
                "fi": "Kehitin verkkopalveluja Pythonilla ja Javalla, suunnittelin tietokantoja ja ohjasin harjoittelijoita."
              },
              "temporal": {"startDate": "2021-03-01", "endDate": "2025-12-31"}
            }
          ],
          "learningOutcome": [
            {
              "type": "LearningOutcome",
              "title": {"fi": "tietokanta"},
              "relatedESCOSkill": [
                {
                  "id": "http://data.europa.eu/esco/skill/43ae58b9-5e56-4524-b45a-b422777a0576",
                  "type": "Concept"
                }
              ],
              "proficiency": "INTERMEDIATE",
              "verified": false,
              "source": "Ohjelmistokehittäjä, Tampereen kaupunki",
              "evidence": "tietokantoja"
            }
          ],
          "languages": []
        }
      }
      """;
}
