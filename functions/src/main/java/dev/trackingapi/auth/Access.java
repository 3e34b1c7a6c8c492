package dev.trackingapi.auth;

import dev.trackingapi.model.Scope;

import java.util.Set;

/** What a valid key opens: its project, and what it may do there. */
public record Access(String projectId, Set<Scope> scopes) {
    public Access {
        scopes = Set.copyOf(scopes);
    }
}
