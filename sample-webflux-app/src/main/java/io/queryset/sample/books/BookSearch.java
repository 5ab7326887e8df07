package io.queryset.sample.books;

import io.queryset.QuerySet;
import io.queryset.sample.web.InvalidQueryParameterException;
import io.queryset.sample.web.QueryParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * The filters and ordering a client asked for in the query string, checked against allowlists.
 * Lookup strings reach the QuerySet only from these lists, never straight from the request, so a
 * client cannot filter on fields or lookups the API does not mean to expose.
 *
 * @param filters  lookup → raw value; QuerySet converts the value to the field's type
 * @param ordering fields to order by, {@code -} for descending
 */
record BookSearch(Map<String, String> filters, List<String> ordering) {

    static final String ORDERING = "ordering";

    /** Read by the {@code Pageable} argument, not here; allowed where an endpoint returns pages. */
    static final List<String> PAGING = List.of("page", "size");

    static final List<String> FILTERS = List.of(
            "title__icontains", "author", "author__icontains", "pages__gte", "pages__lte",
            "price__lt", "price__gte", "published__year", "published__gte", "rating__gte", "stock__gte");

    static final List<String> ORDERING_FIELDS = List.of(
            "id", "title", "author", "pages", "price", "published", "rating", "stock");

    /** Filters only: for endpoints that count or aggregate rows rather than list them. */
    static BookSearch filtersFrom(MultiValueMap<String, String> params) {
        return from(params, false);
    }

    /** Filters, {@code ordering} and the paging parameters: for endpoints that return a page of rows. */
    static BookSearch listingFrom(MultiValueMap<String, String> params) {
        return from(params, true);
    }

    private static BookSearch from(MultiValueMap<String, String> params, boolean listing) {
        List<String> choices = new ArrayList<>(FILTERS);
        if (listing) {
            choices.add(ORDERING);
            choices.addAll(PAGING);
        }
        QueryParameters.requireKnown(params, choices);
        Map<String, String> filters = new LinkedHashMap<>();
        List<String> ordering = List.of();
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            String name = param.getKey();
            if (param.getValue().size() > 1) {
                // ?author=a&author=b could mean "a or b" or "a and b"; saying so beats guessing.
                throw new InvalidQueryParameterException(name, "Query parameter '" + name + "' was given "
                        + param.getValue().size() + " times; give it once.", List.of());
            }
            String value = param.getValue().get(0);
            if (name.equals(ORDERING)) {
                ordering = parseOrdering(value);
            } else if (FILTERS.contains(name)) {
                filters.put(name, value);
            }
        }
        return new BookSearch(filters, ordering);
    }

    private static List<String> parseOrdering(String value) {
        List<String> fields = new ArrayList<>();
        for (String term : value.split(",")) {
            String field = term.trim();
            if (!ORDERING_FIELDS.contains(field.startsWith("-") ? field.substring(1) : field)) {
                throw new InvalidQueryParameterException(ORDERING,
                        "Cannot order by '" + field + "'. Choices are: " + String.join(", ", ORDERING_FIELDS)
                                + " (prefix '-' for descending).",
                        ORDERING_FIELDS);
            }
            fields.add(field);
        }
        return fields;
    }

    /**
     * {@code books} narrowed by the filters and, when asked, ordered, with the id as the last key so that
     * books with equal values keep one order from page to page. Runs nothing: QuerySets are lazy.
     */
    <T> QuerySet<T> applyTo(QuerySet<T> books) {
        QuerySet<T> result = filters.isEmpty() ? books : books.filter(filters);
        if (ordering.isEmpty()) {
            return result;
        }
        List<String> fields = new ArrayList<>(ordering);
        if (!fields.contains("id") && !fields.contains("-id")) {
            fields.add("id");
        }
        return result.orderBy(fields.toArray(String[]::new));
    }
}
