package io.latchkey.storage;

import java.util.logging.Logger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/**
 * Brings the schema up to date with the versioned migrations in {@code db/migration} before
 * anything else touches the database. The persistence provider never generates DDL.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

    /**
     * The one data source the persistence unit (which names none) and the migrations use: the
     * server's default data source. Each server's administrator points it at the database; the
     * application defines no data source and names no driver.
     */
    public static final String DATA_SOURCE = "java:comp/DefaultDataSource";

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Inject
    StorageSettings settings;

    @PostConstruct
    void migrate() {
        LOG.info(() -> "Latchkey storage: " + settings);
        var configuration = Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table("latchkey_schema_history")
                .baselineOnMigrate(false);
        settings.schema().ifPresent(schema -> configuration.schemas(schema).defaultSchema(schema).createSchemas(true));
        MigrateResult result = configuration.load().migrate();
        LOG.info(() -> "Latchkey schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
