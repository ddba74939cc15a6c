/**
 * Reading Latchkey's settings from MicroProfile Config (environment, system properties, password
 * aliases). Each capability owns a settings record built once here; a bad value fails deployment
 * with a message naming the key. This package knows no capability's rules.
 */
package io.latchkey.config;
