package fi.osaava.opportunities.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.education.EducationLevel;
import fi.osaava.education.OfferingId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PathConstraintsTest {

  private static OfferingEntry offering(EducationLevel level, double credits, double cost) {
    return new OfferingEntry(
        OfferingId.of(UUID.randomUUID().toString()),
        level,
        null,
        new int[] {1},
        credits,
        -1,
        cost,
        true,
        Set.of(),
        0,
        new int[0],
        false,
        Double.NaN);
  }

  private static PathConstraints limits(
      Double credits, Integer months, Double cost, boolean degrees) {
    return new PathConstraints(credits, months, cost, null, false, null, null, null, degrees);
  }

  @Test
  void anUnknownExtentIsNeverFree() {
    OfferingEntry course = offering(EducationLevel.SHORT_COURSE, Double.NaN, 0);
    OfferingEntry unit = offering(EducationLevel.QUALIFICATION_UNIT, Double.NaN, 0);
    OfferingEntry unknownKind = offering(null, Double.NaN, 0);
    assertThat(course.budgetCredits()).isEqualTo(5);
    assertThat(course.creditsEstimated()).isTrue();
    assertThat(limits(10.0, null, null, false).admits(course)).isTrue();
    assertThat(limits(10.0, null, null, false).admits(unit)).isFalse();
    assertThat(limits(10.0, null, null, false).admits(unknownKind)).isFalse();
    assertThat(limits(null, null, null, false).admits(unknownKind)).isTrue();
    // A duration that is not published is estimated from the extent, so month limits hold too.
    assertThat(unit.budgetMonths()).isEqualTo(3);
    assertThat(limits(null, 2, null, false).admits(unit)).isFalse();
    assertThat(limits(null, 3, null, false).admits(unit)).isTrue();
  }

  @Test
  void wholeDegreesEnterOnlyWhenAskedFor() {
    OfferingEntry degree = offering(EducationLevel.DEGREE, 180, 0);
    OfferingEntry qualification = offering(EducationLevel.VOCATIONAL_QUALIFICATION, 150, 0);
    OfferingEntry badge = offering(EducationLevel.COMPETENCE_BADGE, 1, 0);
    assertThat(limits(null, null, null, false).admits(degree)).isFalse();
    assertThat(limits(null, null, null, false).admits(qualification)).isFalse();
    assertThat(limits(null, null, null, false).admits(badge)).isTrue();
    assertThat(limits(null, null, null, true).admits(degree)).isTrue();
    assertThat(limits(60.0, null, null, true).admits(degree)).isFalse();
  }

  @Test
  void anUnknownCostPassesOnlyWithoutACostLimit() {
    OfferingEntry mooc = offering(EducationLevel.MOOC, 2, Double.NaN);
    assertThat(limits(null, null, 100.0, false).admits(mooc)).isFalse();
    assertThat(limits(null, null, null, false).admits(mooc)).isTrue();
    assertThat(limits(null, null, 100.0, false).admits(offering(EducationLevel.MOOC, 2, 50)))
        .isTrue();
  }
}
