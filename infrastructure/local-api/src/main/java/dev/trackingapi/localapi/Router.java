package dev.trackingapi.localapi;

import dev.trackingapi.template.TemplateHttpApi.Route;
import dev.trackingapi.template.TemplateHttpApi;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the route of a request as an HTTP API does: the most specific match wins (a literal path over path
 * variables, a single-segment variable over a greedy {proxy+}, a named method over ANY), $default catches the rest,
 * and anything else is no route at all. Under a named stage, paths are served below /{stage}. The path it matches is
 * the decoded one, as API Gateway's: a "%2F" inside a segment has become a separator, and a path parameter is its
 * segment decoded once.
 *
 * <p>One route exists only here: GET / serves the route of GET {@value #EXPLORER_PATH}, the data explorer, so that the
 * local API's own URL opens it.
 */
final class Router {
    static final String EXPLORER_PATH = "/explorer";

    record Match(Route route, Map<String, String> pathParameters) {
    }

    private record Candidate(Match match, int[] specificity) {
    }

    private static final Comparator<int[]> MOST_SPECIFIC = (a, b) -> {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    };

    private final List<Route> routes;
    private final String stagePrefix;

    Router(List<Route> routes, String stage) {
        this.routes = List.copyOf(routes);
        this.stagePrefix = TemplateHttpApi.DEFAULT_STAGE.equals(stage) ? "" : "/" + stage;
    }

    List<Route> routes() {
        return routes;
    }

    String stagePrefix() {
        return stagePrefix;
    }

    Optional<Match> match(String method, String rawPath) {
        if (!rawPath.startsWith(stagePrefix + "/")) {
            return Optional.empty();
        }
        String path = rawPath.substring(stagePrefix.length());
        if (path.equals("/") && method.equals("GET")) {
            path = EXPLORER_PATH;
        }
        String matched = path;
        return routes.stream()
                .map(route -> candidate(route, method, matched))
                .flatMap(Optional::stream)
                .max((a, b) -> MOST_SPECIFIC.compare(a.specificity(), b.specificity()))
                .map(Candidate::match);
    }

    private static Optional<Candidate> candidate(Route route, String method, String path) {
        boolean anyMethod = TemplateHttpApi.ANY_METHOD.equals(route.method());
        if (TemplateHttpApi.DEFAULT_ROUTE.equals(route.path())) {
            return Optional.of(new Candidate(new Match(route, Map.of()), new int[]{0, 0, 0, 0, 0}));
        }
        if (!anyMethod && !route.method().equals(method)) {
            return Optional.empty();
        }
        String[] pattern = route.path().split("/", -1);
        String[] actual = path.split("/", -1);
        Map<String, String> parameters = new LinkedHashMap<>();
        int literals = 0;
        boolean greedy = false;
        for (int i = 0; i < pattern.length; i++) {
            String segment = pattern[i];
            boolean variable = segment.startsWith("{") && segment.endsWith("}");
            if (variable && segment.endsWith("+}") && i == pattern.length - 1) {
                if (actual.length <= i) {
                    return Optional.empty();
                }
                String rest = String.join("/", Arrays.copyOfRange(actual, i, actual.length));
                if (rest.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(segment.substring(1, segment.length() - 2), rest);
                greedy = true;
                break;
            }
            if (i >= actual.length) {
                return Optional.empty();
            }
            if (variable) {
                if (actual[i].isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(segment.substring(1, segment.length() - 1), actual[i]);
            } else if (segment.equals(actual[i])) {
                literals++;
            } else {
                return Optional.empty();
            }
        }
        if (!greedy && pattern.length != actual.length) {
            return Optional.empty();
        }
        int exact = parameters.isEmpty() ? 1 : 0;
        return Optional.of(new Candidate(new Match(route, Map.copyOf(parameters)),
                new int[]{1, exact, literals, greedy ? 0 : 1, anyMethod ? 0 : 1}));
    }
}
