package io.antechamber.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a check-in receipt offline: the answer of {@code GET /v1/check-ins/:id/receipt}
 * ({@code {"data": {"receipt": "<JWS>", "payload": {...}}}}), the object inside it, or the bare JWS (as text or a
 * JSON string). The JWS must verify with a listed key
 * ({@link Jws#verify}) and the payload shown beside it must be, in RFC 8785 form, the payload that was signed.
 */
public final class ReceiptVerifier {

    private ReceiptVerifier() {
    }

    public static VerifiedReceipt verify(String receipt, PublicKeys keys) throws VerificationFailure {
        String text = receipt.strip();
        if (!text.startsWith("{") && !text.startsWith("\"")) {
            return verifyJws(text, keys);
        }
        if (text.startsWith("\"")) {
            return verifyJws(EvidenceJson.read(text, "receipt file").textValue(), keys);
        }
        JsonNode node = EvidenceJson.readAnswer(text, "receipt file");
        VerifiedReceipt verified = verifyJws(EvidenceJson.text(node, "receipt", "receipt file"), keys);
        JsonNode shown = node.get("payload");
        if (shown != null) {
            if (!canonical(shown).equals(canonical(verified.payload()))) {
                throw new VerificationFailure("receipt payload was altered: the shown payload differs from the signed "
                        + "one in " + differingMembers(shown, verified.payload()));
            }
        }
        return verified;
    }

    private static VerifiedReceipt verifyJws(String jws, PublicKeys keys) throws VerificationFailure {
        VerifiedJws verified;
        try {
            verified = Jws.verify(jws, keys);
        } catch (VerificationFailure e) {
            throw new VerificationFailure("receipt " + e.getMessage());
        }
        JsonNode payload = EvidenceJson.read(verified.payloadText(), "receipt signed payload");
        return new VerifiedReceipt(verified.keyId(), payload);
    }

    /** RFC 8785 text of any value, scalars included (wrapped, since the canonicalizer reads objects and arrays). */
    private static String canonical(JsonNode value) {
        return CanonicalJson.text(EvidenceJson.write(EvidenceJson.MAPPER.createObjectNode().set("v", value)));
    }

    /** The top-level members that differ, so an auditor sees at once what was changed. */
    private static String differingMembers(JsonNode shown, JsonNode signed) {
        if (!shown.isObject() || !signed.isObject()) {
            return "its whole value";
        }
        Set<String> names = new LinkedHashSet<>();
        shown.fieldNames().forEachRemaining(names::add);
        signed.fieldNames().forEachRemaining(names::add);
        List<String> differing = new ArrayList<>();
        for (String name : names) {
            JsonNode a = shown.get(name);
            JsonNode b = signed.get(name);
            if (a == null || b == null || !canonical(a).equals(canonical(b))) {
                differing.add(name + " (shown " + a + ", signed " + b + ")");
            }
        }
        return String.join(", ", differing);
    }
}
