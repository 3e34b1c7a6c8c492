package dev.trackingapi.auth;

import java.util.regex.Pattern;

/** Project ids scope every stored key, so they never contain the key separator '#'. */
public final class ProjectIds {
    public static final String RULE = "1 to 64 characters: letters, digits, '_' or '-', starting with a letter or digit";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private ProjectIds() {
    }

    public static boolean isValid(String projectId) {
        return projectId != null && VALID.matcher(projectId).matches();
    }
}
