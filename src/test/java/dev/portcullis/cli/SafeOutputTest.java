package dev.portcullis.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class SafeOutputTest {

    @Test
    void whatAPathForgotIsEscapedAndTheLayoutKept() {
        StringWriter target = new StringWriter();
        PrintWriter out = SafeOutput.guard(new PrintWriter(target));

        out.println("name\u001b]0;pwned\u0007 \u202eevil\tok");
        out.flush();

        assertThat(target.toString()).isEqualTo("name\\u001b]0;pwned\\u0007 \\u202eevil\tok" + System.lineSeparator());
    }

    @Test
    void aCharacterSplitAcrossTwoWritesIsJudgedWhole() {
        StringWriter target = new StringWriter();
        PrintWriter out = SafeOutput.guard(new PrintWriter(target));

        out.print("a\udb40");
        out.print("\udc01b\ud83d");
        out.print("\ude00c");
        out.flush();

        assertThat(target.toString()).isEqualTo("a\\U000e0001b\ud83d\ude00c");
    }

    @Test
    void aGuardedWriterIsNotGuardedTwice() {
        PrintWriter once = SafeOutput.guard(new PrintWriter(new StringWriter()));
        assertThat(SafeOutput.guard(once)).isSameAs(once);
    }
}
