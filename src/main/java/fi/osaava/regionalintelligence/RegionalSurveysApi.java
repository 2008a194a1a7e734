package fi.osaava.regionalintelligence;

import java.util.List;

/** What other modules (and the open-data listings) may read of the regional surveys. */
public interface RegionalSurveysApi {

  /** The smallest number of respondents any published figure may stand for. */
  int MINIMUM_CELL = 5;

  /** Every survey whose results are published, newest first. */
  List<PublishedSurvey> publishedSurveys();
}
