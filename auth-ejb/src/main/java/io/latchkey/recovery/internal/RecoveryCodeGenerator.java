package io.latchkey.recovery.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A new set of distinct codes, canonical form. */
public final class RecoveryCodeGenerator {

    public static final int CODES_PER_SET = 10;

    private RecoveryCodeGenerator() {
    }

    public static List<String> newSet(CodeFormat format) {
        Set<String> seen = new HashSet<>();
        List<String> codes = new ArrayList<>(CODES_PER_SET);
        while (codes.size() < CODES_PER_SET) {
            String code = format.generate();
            // A repeat within a set (about 1 in 10^17) would make two rows one code.
            if (seen.add(code)) {
                codes.add(code);
            }
        }
        return List.copyOf(codes);
    }
}
