/**
 * Reading Latchkey's settings from MicroProfile Config (environment, system properties, password
 * aliases): the injectable {@link io.latchkey.config.SettingsReader} with its typed, validated
 * reads, and the {@link io.latchkey.config.InvalidSettingException} that fails deployment with a
 * message naming the key. Each capability owns its settings record and produces it beside the
 * record from a reader; this package knows no capability's keys or rules and imports no
 * capability (ArchitectureTest holds that line).
 */
package io.latchkey.config;
