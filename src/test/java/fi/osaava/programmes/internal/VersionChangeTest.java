package fi.osaava.programmes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.programmes.internal.PackageContent.Module;
import fi.osaava.programmes.internal.PackageContent.ModuleKind;
import fi.osaava.programmes.internal.VersionChange.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rule for moving to a newer version against an oracle: random version pairs whose changes are
 * known from how they were made, and random progress, checked with the rule stated pairwise
 * (docs/programmes.md, "Moving to a newer version").
 */
class VersionChangeTest {

  static final ModuleKind[] KINDS = ModuleKind.values();

  static Module module(String key, ModuleKind kind, int edition) {
    return new Module(
        key,
        kind,
        Map.of("en", key + " edition " + edition),
        Map.of("en", "Body"),
        null,
        null,
        List.of());
  }

  static PackageContent content(List<Module> modules, int passPercent) {
    return new PackageContent(
        Map.of("en", "A package"),
        Map.of("en", "Summary"),
        PackageContent.Level.BASIC,
        List.of(PackageContent.TargetGroup.EVERYONE),
        List.of("en"),
        BigDecimal.ONE,
        List.of(),
        null,
        passPercent,
        modules);
  }

  @Test
  void theRuleAgreesWithItsOracleOnRandomVersionPairsAndProgress() {
    Random random = new Random(19);
    int movable = 0;
    for (int trial = 0; trial < 5000; trial++) {
      List<Module> old = new ArrayList<>();
      int size = 1 + random.nextInt(6);
      for (int i = 0; i < size; i++) {
        old.add(module("m" + i, KINDS[random.nextInt(KINDS.length)], 1));
      }
      int oldPass = 70;
      int newPass = random.nextInt(8) == 0 ? 80 : 70;
      Set<String> changed = new HashSet<>();
      Set<String> added = new HashSet<>();
      List<Module> now = new ArrayList<>();
      for (Module m : old) {
        switch (random.nextInt(5)) {
          case 0 -> {} // removed
          case 1 -> {
            now.add(module(m.key(), m.kind(), 2));
            changed.add(m.key());
          }
          default -> {
            now.add(m);
            if (m.kind() == ModuleKind.QUIZ && newPass != oldPass) {
              changed.add(m.key());
            }
          }
        }
      }
      int additions = random.nextInt(3);
      for (int a = 0; a < additions; a++) {
        String key = "new" + a;
        now.add(random.nextInt(now.size() + 1), module(key, ModuleKind.TEXT, 1));
        added.add(key);
      }
      if (random.nextInt(4) == 0) {
        Collections.shuffle(now, random);
      }
      if (now.isEmpty()) {
        continue;
      }
      boolean completed = random.nextInt(5) == 0;
      Set<String> worked = new HashSet<>();
      for (Module m : old) {
        if (completed || random.nextBoolean()) {
          worked.add(m.key());
        }
      }

      VersionChange change = VersionChange.between(content(old, oldPass), content(now, newPass));

      Map<String, Kind> expectedKinds = new LinkedHashMap<>();
      for (Module m : now) {
        expectedKinds.put(
            m.key(),
            added.contains(m.key())
                ? Kind.ADDED
                : changed.contains(m.key()) ? Kind.CHANGED : Kind.UNCHANGED);
      }
      assertThat(change.kinds()).as("trial %d", trial).containsExactlyEntriesOf(expectedKinds);
      assertThat(change.removed().stream().map(Module::key).toList())
          .containsExactlyElementsOf(
              old.stream().map(Module::key).filter(k -> !expectedKinds.containsKey(k)).toList());

      boolean expected = oracle(now, added, changed, worked, completed);
      assertThat(change.movable(worked, completed))
          .as("trial %d: %s -> %s, worked %s, completed %s", trial, old, now, worked, completed)
          .isEqualTo(expected);
      movable += expected ? 1 : 0;
    }
    // Both answers occur often enough for the comparison to mean something.
    assertThat(movable).isBetween(500, 4500);
  }

  /** The rule as three plain statements, checked pair by pair. */
  private static boolean oracle(
      List<Module> now, Set<String> added, Set<String> changed, Set<String> worked, boolean done) {
    for (String key : worked) {
      if (changed.contains(key)) {
        return false;
      }
    }
    if (done && !added.isEmpty()) {
      return false;
    }
    for (int i = 0; i < now.size(); i++) {
      for (int j = i + 1; j < now.size(); j++) {
        if (added.contains(now.get(i).key()) && worked.contains(now.get(j).key())) {
          return false;
        }
      }
    }
    return true;
  }

  @Test
  void aNewModuleAheadOfTheLearnerIsFineButOneBehindThemIsNot() {
    Module a = module("a", ModuleKind.TEXT, 1);
    Module b = module("b", ModuleKind.QUIZ, 1);
    Module c = module("c", ModuleKind.TEXT, 1);
    Module x = module("x", ModuleKind.TEXT, 1);
    PackageContent old = content(List.of(a, b, c), 70);
    assertThat(
            VersionChange.between(old, content(List.of(a, b, x, c), 70))
                .movable(Set.of("a", "b"), false))
        .isTrue();
    assertThat(
            VersionChange.between(old, content(List.of(a, x, b, c), 70))
                .movable(Set.of("a", "b"), false))
        .isFalse();
    // A changed module the learner has not reached is simply studied in its new form.
    assertThat(
            VersionChange.between(old, content(List.of(a, b, module("c", ModuleKind.TEXT, 2)), 70))
                .movable(Set.of("a", "b"), false))
        .isTrue();
    // A new pass mark changes every quiz: an attempt that passed might no longer pass.
    assertThat(VersionChange.between(old, content(List.of(a, b, c), 80)).kinds())
        .containsEntry("b", Kind.CHANGED)
        .containsEntry("a", Kind.UNCHANGED);
    // After completing, a version with a new module is not offered, one without it is.
    assertThat(
            VersionChange.between(old, content(List.of(a, b, c, x), 70))
                .movable(Set.of("a", "b", "c"), true))
        .isFalse();
    assertThat(
            VersionChange.between(old, content(List.of(a, c), 70))
                .movable(Set.of("a", "b", "c"), true))
        .isTrue();
  }
}
