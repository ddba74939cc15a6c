package io.latchkey.account;

import java.util.regex.Pattern;

/** The rule for group names: they reach other applications as role names, so keep them plain. */
public final class Groups {

    /** Keeps an account's groups (and the audit record of a change to them) of bounded size. */
    public static final int MAX_PER_ACCOUNT = 100;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private Groups() {
    }

    public static boolean isValid(String group) {
        return group != null && NAME.matcher(group).matches();
    }
}
