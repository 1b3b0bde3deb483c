package io.antechamber.api.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path a request is routed by: decoded and normalized by the container, without path parameters
 * ({@code /v1;x=1/agents} routes as {@code /v1/agents}), so a filter that decides by path sees what Spring MVC maps.
 */
public final class RequestPath {

    private static final String API_PREFIX = "/v1/";
    /** The Model Context Protocol endpoint (docs/mcp.md): the agent's side of the API, as tools. */
    public static final String MCP = "/mcp";

    private RequestPath() {
    }

    public static String of(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    public static boolean isApi(HttpServletRequest request) {
        return of(request).startsWith(API_PREFIX);
    }

    public static boolean isMcp(HttpServletRequest request) {
        return MCP.equals(of(request));
    }
}
