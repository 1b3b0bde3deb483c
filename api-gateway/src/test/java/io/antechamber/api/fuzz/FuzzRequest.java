package io.antechamber.api.fuzz;

/** One generated request, printed in full when the fuzz reports it. */
record FuzzRequest(Endpoint endpoint, String method, String path, String query, FuzzWorld.Credential credential,
        String contentType, String accept, String requestId, String idempotencyKey, String body) {

    String target() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    @Override
    public String toString() {
        String shownBody = body == null ? "(none)"
                : body.length() > 400 ? body.substring(0, 400) + "... (" + body.length() + " chars)" : body;
        return method + " " + target() + " [endpoint " + endpoint + "; credential: " + credential
                + "; Content-Type: " + contentType + "; Accept: " + accept + "; X-Request-Id: " + requestId
                + "; Idempotency-Key: " + idempotencyKey + "] body: " + shownBody;
    }
}
