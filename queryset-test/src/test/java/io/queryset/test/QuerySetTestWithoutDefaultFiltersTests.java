package io.queryset.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.AsyncMode;
import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.test.fixtures.BridgedModeCustomizer;
import io.queryset.test.fixtures.Note;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * {@code useDefaultFilters = false}: the scan keeps nothing, not even the application's customizer; the managers are
 * still there, since QuerySet registers them and not the scan.
 */
@QuerySetTest(properties = "fixtures.bridged-by-customizer=true", useDefaultFilters = false)
class QuerySetTestWithoutDefaultFiltersTests {

    @Autowired
    private Database db;

    @Autowired
    private Manager<Note> notes;

    @Autowired
    private ApplicationContext context;

    @Test
    void leavesTheApplicationsCustomizerOut() {
        assertThat(context.getBeanNamesForType(BridgedModeCustomizer.class)).isEmpty();
        assertThat(db.asyncMode()).isEqualTo(AsyncMode.NATIVE);
    }

    @Test
    void stillRegistersTheManagers() {
        assertThat(notes).isNotNull();
    }
}
