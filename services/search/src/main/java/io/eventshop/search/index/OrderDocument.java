package io.eventshop.search.index;

import static org.hibernate.search.engine.backend.types.Aggregable.YES;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IdProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ProjectionConstructor;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.SearchEntity;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ScaledNumberField;

/** An order as {@code orders-enriched} last showed it: its customer, products, state and total. */
@SearchEntity
@Indexed(index = "eventshop-orders")
public record OrderDocument(
    @DocumentId @IdProjection
    @KeywordField(name = "id_keyword")
    String id,

    @KeywordField(projectable = Projectable.YES)
    String customerId,

    @FullTextField(analyzer = Analysis.PLAIN, projectable = Projectable.YES)
    String customerName,

    @FullTextField(analyzer = Analysis.PLAIN, projectable = Projectable.YES)
    List<String> productNames,

    @KeywordField(projectable = Projectable.YES)
    List<String> skus,

    @KeywordField(projectable = Projectable.YES, aggregable = YES)
    List<String> categories,

    @KeywordField(projectable = Projectable.YES, aggregable = YES)
    String state,

    @KeywordField(projectable = Projectable.YES, aggregable = YES)
    String country,

    @ScaledNumberField(decimalScale = SearchIndex.MONEY_SCALE, projectable = Projectable.YES,
        sortable = Sortable.YES)
    BigDecimal total,

    @GenericField(projectable = Projectable.YES, sortable = Sortable.YES)
    Instant placedAt) {

  @ProjectionConstructor
  public OrderDocument {
  }
}
