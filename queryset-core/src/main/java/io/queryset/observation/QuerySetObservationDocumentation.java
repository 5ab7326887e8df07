package io.queryset.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observations QuerySet makes, and their keys: what dashboards and alerts can rely on. */
public enum QuerySetObservationDocumentation implements ObservationDocumentation {

    /** One terminal QuerySet call (a query, a write, a stream from open to close), on either side. */
    QUERY {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultQuerySetObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return LowCardinalityKeys.values();
        }
    };

    /** Tags with few values: safe for metrics. */
    public enum LowCardinalityKeys implements KeyName {

        /** The model's simple class name. */
        MODEL {
            @Override
            public String asString() {
                return "queryset.model";
            }
        },
        /** The terminal method, named after its blocking form ({@code get} for {@code aget}). */
        OPERATION {
            @Override
            public String asString() {
                return "queryset.operation";
            }
        },
        /** {@code blocking}, {@code native} or {@code bridged}. */
        MODE {
            @Override
            public String asString() {
                return "queryset.mode";
            }
        },
        /** The named database: {@code default} unless routed or chosen with {@code using()}. */
        DATABASE {
            @Override
            public String asString() {
                return "queryset.database";
            }
        },
        /** The database product, lower case ({@code postgresql}, {@code h2}), as OpenTelemetry's {@code db.system}. */
        DB_SYSTEM {
            @Override
            public String asString() {
                return "db.system";
            }
        },
        /** {@code SUCCESS}, {@code ERROR} or {@code CANCELLED}. */
        OUTCOME {
            @Override
            public String asString() {
                return "outcome";
            }
        }
    }
}
