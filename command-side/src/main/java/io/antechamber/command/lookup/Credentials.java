package io.antechamber.command.lookup;

import java.util.Optional;

/** Finds who holds an API key, by the key's SHA-256 hash (plain keys are never stored). */
public interface Credentials {

    Optional<Credential> findByKeyHash(String keyHash);
}
