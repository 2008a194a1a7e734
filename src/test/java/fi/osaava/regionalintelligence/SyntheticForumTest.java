package fi.osaava.regionalintelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fi.osaava.regionalintelligence.internal.forums.ForumStore;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.Forum;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.ForumEvent;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.Participant;
import fi.osaava.regionalintelligence.internal.projects.ProjectStore;
import fi.osaava.regionalintelligence.internal.projects.ProjectStore.StoredActor;
import fi.osaava.regionalintelligence.internal.projects.ProjectStore.StoredProject;
import fi.osaava.web.FixedClock;
import fi.osaava.web.WebTestBase;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code ./osaava generate regional-forum}: a published forum of the region, marked synthetic, with
 * a held and a coming event whose participants' organisations are synthetic actors, a material,
 * results and the synthetic project it discussed; the same seed replaces its forum, and every page
 * that shows it says it is synthetic.
 */
class SyntheticForumTest extends WebTestBase {

  @Autowired SyntheticForums generator;
  @Autowired ForumStore forums;
  @Autowired ProjectStore projects;

  final String organisation = "https://synthetic-forum-" + UUID.randomUUID() + ".example.fi";

  @Test
  void aSyntheticForumHasEventsParticipantsAMaterialAndItsProjectAllLabelled() throws Exception {
    SyntheticForums.Generated made = generator.generateForum("01", 7, organisation);

    Forum forum = forums.forum(made.forum()).orElseThrow();
    assertThat(forum.synthetic()).isTrue();
    assertThat(forum.organisation()).isEqualTo(organisation);
    assertThat(forum.details().published()).isTrue();
    assertThat(forum.details().regionCode()).isEqualTo("01");
    assertThat(forum.details().title()).contains("Synth").contains("synthetic");
    assertThat(forum.results()).contains("synthetic");

    // The project it discussed: synthetic, of the region, with synthetic partners.
    StoredProject project =
        projects.projects(organisation).stream()
            .filter(p -> p.id().equals(made.project()))
            .findFirst()
            .orElseThrow();
    assertThat(project.synthetic()).isTrue();
    assertThat(project.region()).isEqualTo("01");
    assertThat(project.partners()).hasSize(4).allMatch(p -> p.actor().synthetic());
    assertThat(forums.projects(made.forum()))
        .extracting(ForumStore.LinkedProject::id)
        .containsExactly(made.project());

    // A held event and a coming one, each with an agenda that says it is synthetic.
    List<ForumEvent> events = forums.events(made.forum());
    assertThat(events).hasSize(made.events()).hasSize(2);
    assertThat(events.getFirst().details().start()).isBefore(FixedClock.NOW);
    assertThat(events.getLast().details().start()).isAfter(FixedClock.NOW);
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.details().title()).contains("Synth");
              assertThat(e.details().agenda()).contains("synthetic agenda");
            });

    // Participants come from synthetic actors' organisations, with no name or address to mail.
    Set<String> actorNames =
        projects.actors(organisation).stream()
            .filter(StoredActor::synthetic)
            .map(StoredActor::name)
            .collect(Collectors.toSet());
    int registrations = 0;
    for (ForumEvent event : events) {
      List<Participant> participants = forums.participants(event.id());
      registrations += participants.size();
      assertThat(participants)
          .isNotEmpty()
          .allSatisfy(
              p -> {
                assertThat(actorNames).contains(p.organisation());
                assertThat(p.organisation()).contains("Synth");
                assertThat(p.waiting()).isFalse();
                assertThat(p.guest()).isNotNull();
                assertThat(p.guest().email()).isNull();
              });
    }
    assertThat(registrations).isEqualTo(made.participants());
    assertThat(forums.materials(made.forum()))
        .singleElement()
        .satisfies(m -> assertThat(m.title()).contains("synthetic"));

    // Shown labelled: the forum's page and its event's page carry the tag, the list its tag.
    String page = page("/regional-forums/" + made.forum());
    assertThat(page).contains("id=\"synthetic-forum\"").contains(project.name());
    String eventPage =
        page("/regional-forums/" + made.forum() + "/events/" + events.getFirst().id());
    assertThat(eventPage).contains("id=\"synthetic-forum\"");
    for (Participant p : forums.participants(events.getFirst().id())) {
      assertThat(eventPage).contains(p.organisation());
    }

    // The same seed and region replace the forum; the project and actors are upserted, not added.
    int actors = projects.actors(organisation).size();
    SyntheticForums.Generated again = generator.generateForum("01", 7, organisation);
    assertThat(forums.forum(made.forum())).isEmpty();
    assertThat(forums.ownedBy(organisation)).extracting(Forum::id).containsExactly(again.forum());
    assertThat(again.project()).isEqualTo(made.project());
    assertThat(projects.actors(organisation)).hasSize(actors);
    // Another region is another forum.
    generator.generateForum("06", 7, organisation);
    assertThat(forums.ownedBy(organisation)).hasSize(2);
    assertThatThrownBy(() -> generator.generateForum("99", 7, organisation))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("99");
  }

  private String page(String path) throws Exception {
    var response = mvc.perform(get(path).param("lang", "en")).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString();
  }
}
