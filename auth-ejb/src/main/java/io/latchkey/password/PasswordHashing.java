package io.latchkey.password;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The configured hasher and the policy, built once per application (the policy loads a 30,000-word list). */
@ApplicationScoped
public class PasswordHashing {

    @Inject
    PasswordSettings settings;

    private PasswordHasher hasher;
    private PasswordPolicy policy;

    @PostConstruct
    void init() {
        hasher = new PasswordHasher(settings.bcryptCost());
        policy = PasswordPolicy.standard();
    }

    PasswordHasher hasher() {
        return hasher;
    }

    PasswordPolicy policy() {
        return policy;
    }
}
