package fi.osaava.opportunities.internal.engine;

import fi.osaava.education.EducationLevel;
import fi.osaava.education.OfferingId;
import fi.osaava.platform.Language;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Synthetic education offerings for scale tests and benchmarks when no real catalogue is at hand:
 * each one takes 3–12 skills of a random ESCO occupation (so its skills hang together like a real
 * course's), a level with an extent that grows with the number of skills, cost, duration, place,
 * language and start dates. Every offering is flagged synthetic; ids are derived from the seed, so
 * runs are repeatable.
 */
public final class SyntheticOfferings {

  private static final String[] MUNICIPALITIES = {"091", "049", "837", "853", "564", "179", "297"};
  private static final EducationLevel[] LEVELS = EducationLevel.values();

  private SyntheticOfferings() {}

  public static List<OfferingEntry> generate(
      List<OccupationEntry> occupations, int count, long seed, LocalDate today) {
    SplittableRandom random = new SplittableRandom(seed);
    List<OccupationEntry> usable = occupations.stream().filter(o -> o.skillCount() >= 3).toList();
    List<OfferingEntry> out = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      OccupationEntry source = usable.get(random.nextInt(usable.size()));
      int[] pool = concat(source.essential(), source.optional());
      int size = Math.min(pool.length, 3 + random.nextInt(10));
      int[] skills = sample(pool, size, random);
      EducationLevel level = LEVELS[random.nextInt(LEVELS.length)];
      double credits =
          switch (level) {
            case DEGREE -> 180 + 60 * random.nextInt(3);
            case VOCATIONAL_QUALIFICATION -> 150 + 30 * random.nextInt(2);
            case QUALIFICATION_UNIT -> 5 * Math.max(1, skills.length / 2 + random.nextInt(4));
            case SHORT_COURSE -> skills.length + random.nextInt(5);
            case MOOC -> Math.max(1, skills.length / 2 + random.nextInt(3));
            case COMPETENCE_BADGE -> Math.max(1, skills.length / 3);
          };
      int months = Math.max(1, (int) Math.round(credits / 5.0)) + random.nextInt(3);
      double cost = random.nextInt(4) == 0 ? 0 : 50 * random.nextInt(1, 30);
      boolean online = random.nextInt(10) < 3;
      Set<String> places =
          online ? Set.of() : Set.of(MUNICIPALITIES[random.nextInt(MUNICIPALITIES.length)]);
      int languages = 1 << Language.FI.ordinal();
      if (random.nextInt(5) == 0) {
        languages |= 1 << Language.EN.ordinal();
      }
      if (random.nextInt(8) == 0) {
        languages = 1 << Language.SV.ordinal();
      }
      int[] starts =
          random.nextInt(4) == 0
              ? new int[0]
              : new int[] {(int) today.plusDays(random.nextInt(365)).toEpochDay()};
      out.add(
          new OfferingEntry(
              new OfferingId(new UUID(seed, n)),
              level,
              String.valueOf(1 + random.nextInt(9)),
              skills,
              credits,
              months,
              cost,
              online,
              places,
              languages,
              starts,
              true,
              Double.NaN));
    }
    return out;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** {@code size} distinct elements of {@code pool}, sorted. */
  static int[] sample(int[] pool, int size, SplittableRandom random) {
    int[] copy = pool.clone();
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(copy.length - i);
      int t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return Arrays.stream(copy, 0, size).sorted().distinct().toArray();
  }
}
