package dev.trackingapi.admin;

import picocli.CommandLine.Option;

/** The customer a command is about: its project and its id, exactly as the API was sent it. */
final class CustomerOptions {
    @Option(names = "--project", required = true, paramLabel = "ID", description = "The customer's project.")
    String project;

    @Option(names = "--customer", required = true, paramLabel = "ID", description = "The customer id, exactly.")
    String customer;

    String projectId() {
        return TableCommand.checkedProject(project);
    }
}
