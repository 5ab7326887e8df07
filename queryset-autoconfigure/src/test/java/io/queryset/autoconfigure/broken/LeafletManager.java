package io.queryset.autoconfigure.broken;

import io.queryset.Manager;
import java.util.List;

/** A Spring Data style derived query: no body the proxy could run. */
public interface LeafletManager extends Manager<Leaflet> {

    /** Abstract: refused at start-up. */
    List<Leaflet> findByTitle(String title);
}
