package dev.trackingapi.admin;

import picocli.CommandLine;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Every failure as one clear line, never a stack trace: what went wrong and what to do about it. */
final class FailureMessages implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        commandLine.getErr().println("error: " + describe(e, commandLine));
        return e instanceof UsageException ? 2 : 1;
    }

    private static String describe(Exception e, CommandLine commandLine) {
        if (e instanceof UsageException) {
            return e.getMessage();
        }
        Throwable cause = e.getCause() instanceof SdkException ? e.getCause() : e;
        TableCommand command = commandLine.getCommand() instanceof TableCommand table ? table : null;
        String where = command != null ? command.options().where() : "the table";
        if (cause instanceof ResourceNotFoundException) {
            return "the " + where + " does not exist. Pass " + (command != null ? command.tableOptions()
                    : "--table with the stack's table output")
                    + " (aws cloudformation describe-stacks --stack-name <stack> --query \"Stacks[0].Outputs\")";
        }
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof SdkClientException && message.contains("credentials")) {
            return "no AWS credentials were found. Configure them (aws configure, AWS_PROFILE, --profile or"
                    + " AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY), or pass --endpoint-url for DynamoDB Local.";
        }
        if (cause instanceof SdkClientException && message.toLowerCase(java.util.Locale.ROOT).contains("region")) {
            return "no AWS region is configured. Pass --region or set AWS_REGION.";
        }
        if (cause instanceof SdkClientException) {
            return "DynamoDB could not be reached for the " + where + ": " + firstLine(message);
        }
        if (cause instanceof SdkException) {
            return "DynamoDB refused the request on the " + where + ": " + firstLine(message);
        }
        return firstLine(message);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
