package fi.osaava.taxonomy.internal.web;

import fi.osaava.taxonomy.SkillCollection;
import io.swagger.v3.oas.annotations.media.Schema;

/** One of ESCO's collections, such as the digital skills. */
@Schema(name = "Collection")
record CollectionJson(
    @Schema(example = "digital") String code, @Schema(example = "1201") int size) {

  static CollectionJson of(SkillCollection collection) {
    return new CollectionJson(collection.code(), collection.size());
  }
}
