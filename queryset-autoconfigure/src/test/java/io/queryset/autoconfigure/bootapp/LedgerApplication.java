package io.queryset.autoconfigure.bootapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application: everything else comes from auto-configuration. */
@SpringBootApplication
public class LedgerApplication {
}
