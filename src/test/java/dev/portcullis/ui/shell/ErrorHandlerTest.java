package dev.portcullis.ui.shell;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorHandlerTest {

    @Test
    void anUncaughtErrorIsShownInWordsOnce() {
        List<Runnable> queued = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        ErrorHandler handler = new ErrorHandler(queued::add, (title, message) -> shown.add(title + ": " + message));

        handler.uncaughtException(Thread.currentThread(),
                new CompletionException(new IllegalStateException("the table lost its rows")));
        handler.uncaughtException(Thread.currentThread(), new IllegalStateException("second, while the first shows"));
        queued.forEach(Runnable::run);

        assertThat(shown).singleElement().asString()
                .startsWith("Something went wrong: Portcullis hit an error it did not expect: the table lost its rows.");
    }

    @Test
    void afterTheDialogClosesTheNextErrorIsShownAgain() {
        List<String> shown = new ArrayList<>();
        ErrorHandler handler = new ErrorHandler(Runnable::run, (title, message) -> shown.add(message));

        handler.uncaughtException(Thread.currentThread(), new RuntimeException("one"));
        handler.uncaughtException(Thread.currentThread(), new NullPointerException());

        assertThat(shown).hasSize(2);
        assertThat(shown.get(1)).contains("NullPointerException");
    }
}
