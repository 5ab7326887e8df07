package io.queryset.test;

import io.queryset.testing.DatabaseKind;
import io.queryset.testing.TestDatabases;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when the test PostgreSQL server answers (found as queryset-core's {@link TestDatabases}
 * finds it), and otherwise reports its tests as skipped, with the reason. Under {@code CI=true} a server that does not
 * answer fails the class instead: a build machine must never silently test less.
 *
 * <p>A condition rather than an assumption in {@code @BeforeAll}: JUnit evaluates it before Spring starts the
 * application context, and the skipped tests are counted as such.
 */
final class LocalPostgresCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        TestDatabases.Availability availability = TestDatabases.availability(DatabaseKind.POSTGRES);
        if (availability.available()) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers");
        }
        if (TestDatabases.isCi()) {
            throw new IllegalStateException("CI=true and " + availability.reason());
        }
        return ConditionEvaluationResult.disabled(availability.reason());
    }
}
