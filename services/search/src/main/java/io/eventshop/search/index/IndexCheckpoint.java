package io.eventshop.search.index;

import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IdProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ProjectionConstructor;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.SearchEntity;

/**
 * How far the index has taken one partition: the offset of the next record to read. Kept in the
 * index itself, so the offsets always describe the index they sit in (a deleted index is a
 * deleted checkpoint: the next start rebuilds it from the topics), on either backend.
 */
@SearchEntity
@Indexed(index = "eventshop-search-checkpoints")
public record IndexCheckpoint(
    @DocumentId @IdProjection String id,
    @KeywordField(projectable = Projectable.YES) String topic,
    @GenericField(projectable = Projectable.YES) int partition,
    @GenericField(projectable = Projectable.YES) long nextOffset) {

  @ProjectionConstructor
  public IndexCheckpoint {
  }

  public static IndexCheckpoint of(String topic, int partition, long nextOffset) {
    return new IndexCheckpoint(topic + "/" + partition, topic, partition, nextOffset);
  }
}
