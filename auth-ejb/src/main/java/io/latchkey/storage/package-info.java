/**
 * The database: the server's default data source (the server's administrator points it at
 * PostgreSQL; the application defines none and bundles no driver) and the versioned schema
 * migrations, run at deployment. It holds no entity and no query; capabilities own their tables.
 * It produces its own settings ({@link io.latchkey.storage.StorageSettings}: data directory, schema).
 */
package io.latchkey.storage;
