package fi.osaava.regionalintelligence.internal.projects;

import fi.osaava.regionalintelligence.internal.projects.ProjectStore.StoredActor;
import fi.osaava.regionalintelligence.internal.projects.ProjectStore.StoredPartner;
import fi.osaava.regionalintelligence.internal.projects.ProjectStore.StoredProject;
import fi.osaava.web.SvgFigure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.drawing.FRLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.model.Box2D;
import org.jgrapht.alg.drawing.model.LayoutModel2D;
import org.jgrapht.alg.drawing.model.MapLayoutModel2D;
import org.jgrapht.alg.drawing.model.Point2D;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * The network of actors and projects, with its figures computed by JGraphT: an actor is linked to
 * each project it is a partner of, and two actors cooperate when they share a project. Most
 * connected actors are ranked by their number of distinct partners (degree in the cooperation
 * graph) and by betweenness centrality there (how often an actor lies on the shortest paths between
 * others: a broker between groups); clusters are the connected components of the actor–project
 * graph. The same actor registered by two organisations is one node when both gave its business ID.
 */
public final class ActorNetwork {

  static final int WIDTH = 800;
  static final int HEIGHT = 560;
  private static final int MARGIN = 24;

  /** Above this many nodes the drawing is left out (the tables still answer). */
  public static final int MAX_DRAWN = 400;

  /** An actor's figures. */
  public record ActorFigures(
      String node,
      StoredActor actor,
      int projects,
      int partners,
      double betweenness,
      int cluster,
      Set<String> organisations) {}

  /** One connected group of actors and projects. */
  public record Cluster(int number, List<String> actors, int projects, Set<String> themes) {}

  private final Graph<String, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
  private final Graph<String, DefaultEdge> cooperation = new SimpleGraph<>(DefaultEdge.class);
  private final Map<String, StoredActor> actors = new LinkedHashMap<>();
  private final Map<String, Set<String>> organisationsOf = new LinkedHashMap<>();
  private final Map<String, StoredProject> projects = new LinkedHashMap<>();
  private final List<ActorFigures> figures;
  private final List<Cluster> clusters;

  public ActorNetwork(List<StoredProject> included) {
    for (StoredProject p : included) {
      String project = "p:" + p.id();
      projects.put(project, p);
      graph.addVertex(project);
      List<String> members = new ArrayList<>();
      for (StoredPartner partner : p.partners()) {
        String node = node(partner.actor());
        actors.putIfAbsent(node, partner.actor());
        organisationsOf
            .computeIfAbsent(node, k -> new LinkedHashSet<>())
            .add(partner.actor().organisation());
        graph.addVertex(node);
        cooperation.addVertex(node);
        graph.addEdge(node, project);
        members.add(node);
      }
      for (int i = 0; i < members.size(); i++) {
        for (int j = i + 1; j < members.size(); j++) {
          if (!members.get(i).equals(members.get(j))) {
            cooperation.addEdge(members.get(i), members.get(j));
          }
        }
      }
    }
    List<Set<String>> components = new ConnectivityInspector<>(graph).connectedSets();
    components.sort(Comparator.comparingInt((Set<String> c) -> c.size()).reversed());
    Map<String, Integer> clusterOf = new LinkedHashMap<>();
    List<Cluster> found = new ArrayList<>();
    for (int i = 0; i < components.size(); i++) {
      Set<String> component = components.get(i);
      List<String> names = new ArrayList<>();
      Set<String> themes = new LinkedHashSet<>();
      int projectCount = 0;
      for (String v : component) {
        clusterOf.put(v, i + 1);
        StoredActor actor = actors.get(v);
        StoredProject project = projects.get(v);
        if (actor != null) {
          names.add(actor.name());
        } else if (project != null) {
          projectCount++;
          themes.addAll(project.themes());
        }
      }
      names.sort(String.CASE_INSENSITIVE_ORDER);
      found.add(new Cluster(i + 1, names, projectCount, themes));
    }
    clusters = List.copyOf(found);
    Map<String, Double> betweenness = new BetweennessCentrality<>(cooperation, true).getScores();
    List<ActorFigures> rows = new ArrayList<>();
    for (var e : actors.entrySet()) {
      String node = e.getKey();
      rows.add(
          new ActorFigures(
              node,
              e.getValue(),
              graph.degreeOf(node),
              cooperation.degreeOf(node),
              betweenness.getOrDefault(node, 0.0),
              clusterOf.getOrDefault(node, 0),
              organisationsOf.getOrDefault(node, Set.of())));
    }
    rows.sort(
        Comparator.comparingInt(ActorFigures::partners)
            .reversed()
            .thenComparing(Comparator.comparingDouble(ActorFigures::betweenness).reversed())
            .thenComparing(f -> f.actor().name()));
    figures = List.copyOf(rows);
  }

  private static String node(StoredActor actor) {
    return actor.businessId() != null ? "a:" + actor.businessId() : "a:" + actor.id();
  }

  /** Every actor with its figures, the most connected first. */
  public List<ActorFigures> actors() {
    return figures;
  }

  public List<Cluster> clusters() {
    return clusters;
  }

  public int projectCount() {
    return projects.size();
  }

  public int cooperations() {
    return cooperation.edgeSet().size();
  }

  public boolean drawable() {
    return graph.vertexSet().size() <= MAX_DRAWN && !projects.isEmpty();
  }

  /**
   * The network as server-side SVG: actors as circles coloured by kind (sized by their partners),
   * projects as squares, a line for each partnership; each shape's title names it. The layout is
   * Fruchterman–Reingold with a fixed seed, so the same data gives the same drawing.
   */
  public String svg(String title, String description, Map<String, String> kindNames) {
    LayoutModel2D<String> model =
        new MapLayoutModel2D<>(
            new Box2D(MARGIN, MARGIN, WIDTH - 2.0 * MARGIN, HEIGHT - 2.0 * MARGIN));
    new FRLayoutAlgorithm2D<String, DefaultEdge>(200, 0.5, new Random(18)).layout(graph, model);
    StringBuilder b = SvgFigure.start("ri-net", "ri-network", WIDTH, HEIGHT, title, description);
    for (DefaultEdge e : graph.edgeSet()) {
      Point2D from = clamp(model.get(graph.getEdgeSource(e)));
      Point2D to = clamp(model.get(graph.getEdgeTarget(e)));
      b.append(
          String.format(
              Locale.ROOT,
              "<line class=\"ri-net-edge\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
              from.getX(),
              from.getY(),
              to.getX(),
              to.getY()));
    }
    for (var e : projects.entrySet()) {
      Point2D p = clamp(model.get(e.getKey()));
      b.append(
              String.format(
                  Locale.ROOT,
                  "<rect class=\"ri-net-project\" x=\"%.1f\" y=\"%.1f\" width=\"9\" height=\"9\">",
                  p.getX() - 4.5,
                  p.getY() - 4.5))
          .append("<title>")
          .append(SvgFigure.escape(e.getValue().name()))
          .append("</title></rect>");
    }
    Set<String> labelled = new LinkedHashSet<>();
    figures.stream().limit(8).forEach(f -> labelled.add(f.node()));
    for (ActorFigures f : figures) {
      Point2D p = clamp(model.get(f.node()));
      b.append(
              String.format(
                  Locale.ROOT,
                  "<circle class=\"ri-net-actor ri-net-%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%d\">",
                  f.actor().kind().code(),
                  p.getX(),
                  p.getY(),
                  4 + Math.min(f.partners(), 8)))
          .append("<title>")
          .append(SvgFigure.escape(f.actor().name()))
          .append(" (")
          .append(SvgFigure.escape(kindNames.getOrDefault(f.actor().kind().code(), "")))
          .append(")</title></circle>");
      if (labelled.contains(f.node())) {
        b.append(
                String.format(
                    Locale.ROOT,
                    "<text class=\"ri-net-label\" x=\"%.1f\" y=\"%.1f\">",
                    p.getX() + 10,
                    p.getY() + 4))
            .append(SvgFigure.escape(f.actor().name()))
            .append("</text>");
      }
    }
    return b.append("</svg>").toString();
  }

  private static Point2D clamp(Point2D p) {
    return Point2D.of(
        Math.max(MARGIN, Math.min(WIDTH - MARGIN, p.getX())),
        Math.max(MARGIN, Math.min(HEIGHT - MARGIN, p.getY())));
  }
}
