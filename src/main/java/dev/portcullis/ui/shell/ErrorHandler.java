package dev.portcullis.ui.shell;

import dev.portcullis.ui.common.DialogService;

import dev.portcullis.domain.SafeText;
import javafx.application.Platform;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The last line of defence: an exception nobody caught, on any thread, is logged once with its trace and
 * shown to the person as a message in a dialog, instead of the console dying silently. Only one such
 * dialog is open at a time; further errors while it is open are logged.
 */
public final class ErrorHandler implements Thread.UncaughtExceptionHandler {

    private static final System.Logger LOG = System.getLogger(ErrorHandler.class.getName());

    /** Shows one error; on the FX thread. */
    @FunctionalInterface
    public interface Shower {
        void show(String title, String message);
    }

    private final Executor fx;
    private final Shower shower;
    private final AtomicBoolean showing = new AtomicBoolean();

    public ErrorHandler(Executor fx, Shower shower) {
        this.fx = fx;
        this.shower = shower;
    }

    /** Installs the handler for every thread, the FX thread included. */
    public static ErrorHandler install(DialogService dialogs) {
        ErrorHandler handler = new ErrorHandler(Platform::runLater, dialogs::showError);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        return handler;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        Throwable cause = unwrap(failure);
        LOG.log(System.Logger.Level.ERROR, "Unexpected error on thread " + thread.getName(), cause);
        if (!showing.compareAndSet(false, true)) {
            return;
        }
        fx.execute(() -> {
            try {
                shower.show("Something went wrong", message(cause));
            } finally {
                showing.set(false);
            }
        });
    }

    static String message(Throwable cause) {
        String detail = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName() : cause.getMessage();
        return "Portcullis hit an error it did not expect: " + SafeText.message(detail) + ".\n\nNothing you typed in an open dialog "
                + "was lost, and your data is saved only by completed actions. The details are in the log; "
                + "please report them if this happens again.";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
