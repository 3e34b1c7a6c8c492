package dev.trackingapi.admin;

import dev.trackingapi.auth.ProjectIds;

import java.util.concurrent.Callable;

/** A command of the admin tools: it works on DynamoDB tables, and failures name them. */
interface TableCommand extends Callable<Integer> {

    ConnectionOptions options();

    /** How to name the right table(s), for the message of a table that does not exist. */
    String tableOptions();

    static String checkedProject(String projectId) {
        if (!ProjectIds.isValid(projectId)) {
            throw new UsageException("--project \"" + projectId + "\" is not a project id: " + ProjectIds.RULE);
        }
        return projectId;
    }
}
