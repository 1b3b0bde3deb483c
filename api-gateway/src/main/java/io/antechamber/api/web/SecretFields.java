package io.antechamber.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The response fields that carry a secret: an API key, a claim token, a webhook secret. Each is shown once, to the
 * client that asked for it, and never kept: {@link #redact} nulls them, at any depth, in a response before it is
 * stored. This is the one list of them; a new secret field is added here.
 */
@Component
public class SecretFields {

    private static final Set<String> NAMES = Set.of("api_key", "claim_token", "secret");

    private final ObjectMapper json;

    public SecretFields(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The body with every secret field set to null; the body itself when it has none. Empty when the body is not
     * JSON, so cannot be checked: such a body must not be stored.
     */
    public Optional<byte[]> redact(byte[] body) {
        if (body.length == 0) {
            return Optional.of(body);
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (tree == null || tree.isMissingNode()) {
            return Optional.empty();
        }
        if (!nullSecrets(tree)) {
            return Optional.of(body);
        }
        try {
            return Optional.of(json.writeValueAsBytes(tree));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Nulls the secret fields under {@code node}; true if there was one. */
    private static boolean nullSecrets(JsonNode node) {
        boolean found = false;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (NAMES.contains(field.getKey())) {
                    found |= !field.getValue().isNull();
                    field.setValue(object.nullNode());
                } else {
                    found |= nullSecrets(field.getValue());
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                found |= nullSecrets(element);
            }
        }
        return found;
    }
}
