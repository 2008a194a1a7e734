package fi.osaava.programmes.internal;

import fi.osaava.programmes.internal.PackageContent.Module;
import fi.osaava.programmes.internal.PackageContent.ModuleKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a newer published version of a package changes, module by module (compared by key and
 * content), and whether a learner may move to it: only when it adds nothing they have not done
 * (docs/programmes.md, "Moving to a newer version").
 *
 * @param kinds every module of the new version, in its order, with how it relates to the old one
 * @param removed the old version's modules that the new one no longer has
 */
public record VersionChange(
    PackageContent from, PackageContent to, Map<String, Kind> kinds, List<Module> removed) {

  /** How a module of the new version relates to the old version. */
  public enum Kind {
    UNCHANGED,
    CHANGED,
    ADDED
  }

  public VersionChange {
    kinds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
    removed = List.copyOf(removed);
  }

  public static VersionChange between(PackageContent from, PackageContent to) {
    Map<String, Kind> kinds = new LinkedHashMap<>();
    for (Module m : to.modules()) {
      kinds.put(
          m.key(),
          from.module(m.key())
              .map(old -> same(from, old, to, m) ? Kind.UNCHANGED : Kind.CHANGED)
              .orElse(Kind.ADDED));
    }
    List<Module> removed =
        from.modules().stream().filter(m -> to.module(m.key()).isEmpty()).toList();
    return new VersionChange(from, to, kinds, removed);
  }

  /**
   * Whether a module is the same in both versions. A quiz's pass mark is the package's, so a quiz
   * whose package changed its pass mark is changed too: an attempt that passed may no longer pass.
   */
  private static boolean same(PackageContent from, Module old, PackageContent to, Module now) {
    return old.equals(now)
        && (now.kind() != ModuleKind.QUIZ || from.passPercent() == to.passPercent());
  }

  public List<Module> modules(Kind kind) {
    return to.modules().stream().filter(m -> kinds.get(m.key()) == kind).toList();
  }

  /** Whether the new version differs in any module at all. */
  public boolean changesModules() {
    return !removed.isEmpty() || kinds.values().stream().anyMatch(k -> k != Kind.UNCHANGED);
  }

  /**
   * Whether a learner who has worked on {@code worked} (module keys of the old version: done, or a
   * quiz attempted) may move to the new version without being asked to go back for anything:
   *
   * <ol>
   *   <li>no module they worked on is changed in the new version;
   *   <li>every module the new version adds comes after the last module they worked on that the new
   *       version keeps;
   *   <li>after completing the package, only a version that adds no module.
   * </ol>
   */
  public boolean movable(Set<String> worked, boolean completed) {
    int lastKeptWorked = -1;
    int firstAdded = Integer.MAX_VALUE;
    int index = 0;
    for (Map.Entry<String, Kind> e : kinds.entrySet()) {
      boolean workedOn = worked.contains(e.getKey());
      if (workedOn && e.getValue() == Kind.CHANGED) {
        return false;
      }
      if (workedOn) {
        lastKeptWorked = index;
      }
      if (e.getValue() == Kind.ADDED) {
        if (completed) {
          return false;
        }
        firstAdded = Math.min(firstAdded, index);
      }
      index++;
    }
    return firstAdded > lastKeptWorked;
  }
}
