package dev.trackingapi.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Compares what a function's code did with what its policy grants: both differences are findings. */
final class LeastPrivilege {
    private LeastPrivilege() {
    }

    static List<String> differences(String function, Set<SamTemplate.Grant> used, Set<SamTemplate.Grant> granted) {
        List<String> findings = new ArrayList<>();
        Set<SamTemplate.Grant> missing = new TreeSet<>(used);
        missing.removeAll(granted);
        Set<SamTemplate.Grant> unused = new TreeSet<>(granted);
        unused.removeAll(used);
        missing.forEach(grant -> findings.add(function + " calls dynamodb:" + grant.operation() + " on "
                + grant.table() + " but template.yaml does not grant it (AccessDenied in AWS)"));
        unused.forEach(grant -> findings.add(function + " is granted dynamodb:" + grant.operation() + " on "
                + grant.table() + " but no representative request uses it: remove the grant, or add the request"
                + " that needs it to FunctionProbe"));
        return findings;
    }
}
