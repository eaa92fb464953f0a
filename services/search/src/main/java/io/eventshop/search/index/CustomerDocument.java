package io.eventshop.search.index;

import static org.hibernate.search.engine.backend.types.Aggregable.YES;

import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IdProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ProjectionConstructor;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.SearchEntity;

/** A customer from {@code customers}, as the admin finds it: names are not stemmed. */
@SearchEntity
@Indexed(index = "eventshop-customers")
public record CustomerDocument(
    @DocumentId @IdProjection
    @KeywordField(name = "id_keyword")
    String id,

    @FullTextField(analyzer = Analysis.PLAIN, projectable = Projectable.YES)
    @KeywordField(name = "name_sort", normalizer = Analysis.SORT, sortable = Sortable.YES)
    String name,

    @FullTextField(analyzer = Analysis.PLAIN, projectable = Projectable.YES)
    @KeywordField(name = "email_keyword", normalizer = Analysis.SORT)
    String email,

    @FullTextField(analyzer = Analysis.PLAIN, projectable = Projectable.YES)
    String city,

    @KeywordField(projectable = Projectable.YES, aggregable = YES)
    String country,

    @KeywordField(projectable = Projectable.YES, aggregable = YES)
    String status) {

  @ProjectionConstructor
  public CustomerDocument {
  }
}
