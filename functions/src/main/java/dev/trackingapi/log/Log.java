package dev.trackingapi.log;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Log lines through the Lambda logger (structured by the runtime's JSON log format), or stderr outside Lambda.
 * Never logs API keys or request bodies.
 */
public final class Log {
    private Log() {
    }

    public static void info(Context context, String message) {
        write(context, LogLevel.INFO, message);
    }

    public static void warn(Context context, String message) {
        write(context, LogLevel.WARN, message);
    }

    public static void error(Context context, String message, Throwable cause) {
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        write(context, LogLevel.ERROR, message + "\n" + trace);
    }

    private static void write(Context context, LogLevel level, String message) {
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(message, level);
        } else {
            System.err.println(level + " " + message);
        }
    }
}
