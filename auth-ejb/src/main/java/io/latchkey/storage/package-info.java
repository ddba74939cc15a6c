/**
 * The database: the application's data source (embedded H2 under the data directory by default,
 * PostgreSQL by configuration) and the versioned schema migrations, run at deployment. It holds no
 * entity and no query; capabilities own their tables.
 */
package io.latchkey.storage;
