package io.eventshop.product;

import io.eventshop.platform.web.Conflict;
import io.eventshop.platform.web.NotFound;
import io.eventshop.product.domain.Catalogue;
import io.eventshop.product.domain.CatalogueDecision;
import io.eventshop.product.domain.CatalogueItem;
import io.eventshop.product.domain.ProductDraft;
import io.eventshop.product.kafka.ProductWriter;
import io.eventshop.product.streams.CatalogueView;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, changes and reads products: the domain decides, the writer writes, the view reads.
 *
 * <p>Decide-then-write for one sku runs under a lock for that sku, so two concurrent creates of
 * the same sku on this instance cannot both succeed. (Across several instances the same holds only
 * when writes for a sku go to one instance; see the module README.)
 */
public class ProductService {

  private static final Logger log = LoggerFactory.getLogger(ProductService.class);
  private static final int LOCK_STRIPES = 64;

  private final CatalogueView view;
  private final ProductWriter writer;
  private final Clock clock;
  private final Object[] locks = new Object[LOCK_STRIPES];

  public ProductService(CatalogueView view, ProductWriter writer, Clock clock) {
    this.view = view;
    this.writer = writer;
    this.clock = clock;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  /** Creates product {@code sku}; 409 if it exists. */
  public CatalogueItem create(String sku, ProductDraft draft) {
    synchronized (lockFor(sku)) {
      return apply(Catalogue.create(sku, draft, view.find(sku).orElse(null), now()));
    }
  }

  /** Changes product {@code sku}; 404 if it does not exist. */
  public CatalogueItem change(String sku, ProductDraft draft) {
    synchronized (lockFor(sku)) {
      return apply(Catalogue.change(sku, draft, view.find(sku).orElse(null), now()));
    }
  }

  /** Product {@code sku}; 404 if it does not exist. */
  public CatalogueItem find(String sku) {
    return view.find(sku).orElseThrow(() -> new NotFound("product", sku));
  }

  /** Every product, sorted by sku. */
  public List<CatalogueItem> all() {
    return view.all();
  }

  private CatalogueItem apply(CatalogueDecision decision) {
    if (decision instanceof CatalogueDecision.Write write) {
      writer.write(write.item(), view::wrote);
      log.info("product {} {}", write.item().sku(), write.created() ? "created" : "changed");
      return write.item();
    }
    if (decision instanceof CatalogueDecision.AlreadyExists exists) {
      throw new Conflict("product", exists.sku(), "product " + exists.sku() + " already exists");
    }
    CatalogueDecision.Unknown unknown = (CatalogueDecision.Unknown) decision;
    throw new NotFound("product", unknown.sku());
  }

  /** Now, at the millisecond precision of the contract's {@code timestamp-millis}. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private Object lockFor(String sku) {
    return locks[Math.floorMod(sku.hashCode(), LOCK_STRIPES)];
  }
}
