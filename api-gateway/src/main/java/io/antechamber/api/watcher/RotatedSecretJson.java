package io.antechamber.api.watcher;

/** The answer to a rotation: the new secret, shown this once; the old one signs beside it for 24 h. */
public record RotatedSecretJson(String secret) {

    @Override
    public String toString() {
        return "RotatedSecretJson[secret=<hidden>]";
    }
}
