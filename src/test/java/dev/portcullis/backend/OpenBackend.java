package dev.portcullis.backend;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A contract's backend: a new one for each test, closed after it. */
public abstract class OpenBackend {

    protected Backend backend;

    /** A backend on a project of its own (with its default group where the backend makes one). */
    protected abstract Backend newBackend() throws Exception;

    @BeforeEach
    void openBackend() throws Exception {
        backend = newBackend();
    }

    @AfterEach
    void closeBackend() {
        if (backend != null) {
            backend.close();
        }
    }
}
