package io.queryset.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.test.fixtures.NoteController;
import io.queryset.test.fixtures.NoteService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;

/** An include filter brings the service under test into the slice, and only it. */
@QuerySetTest(properties = "queryset.schema.create=true",
        includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = NoteService.class))
class QuerySetTestIncludeFilterTests {

    @Autowired
    private NoteService service;

    @Autowired
    private ApplicationContext context;

    @Test
    void addsTheIncludedServiceWithTheManagerItNeeds() {
        service.write("Spring in the Alps");
        service.write("autumn");
        assertThat(service.mentioning("SPRING")).isEqualTo(1);
    }

    @Test
    void stillLeavesOutWhatTheFilterDoesNotName() {
        assertThat(context.getBeanNamesForType(NoteController.class)).isEmpty();
    }
}
