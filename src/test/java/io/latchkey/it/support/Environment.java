package io.latchkey.it.support;

/** Facts about where the suites run. */
public final class Environment {

    private Environment() {
    }

    /** Under CI, a suite that would be skipped for lack of a tool fails instead. */
    public static boolean ci() {
        String ci = System.getProperty("ci", System.getenv("CI"));
        return ci != null && ci.equalsIgnoreCase("true");
    }
}
