package dev.portcullis.backend.openstack;

import dev.portcullis.backend.BackendException;
import dev.portcullis.backend.BackendException.Kind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

    static final String PASSWORD = "p\u00e4ss \"w/ord\"+&=";

    private static Redactor withPassword() {
        return Redactor.of(new Credentials("u", null, null, null, "p", null, null, null, null, null,
                Secret.of(PASSWORD), Secret.of("app-secret-1"), Secret.of("given-token-1")));
    }

    @Test
    void removesEverySecretInTheFormsAnEchoTakes() {
        Redactor r = withPassword();
        String json = "p\u00e4ss \\\"w/ord\\\"+&=";
        String url = URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        String base64 = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
        String text = "a " + PASSWORD + " b " + json + " c " + url + " d " + url.replace("+", "%20") + " e " + base64
                + " f app-secret-1 g given-token-1";

        String clean = r.redact(text);

        for (String form : List.of(PASSWORD, json, url, base64, "app-secret-1", "given-token-1")) {
            assertThat(clean).doesNotContain(form);
        }
        assertThat(clean).startsWith("a " + Redactor.HIDDEN + " b " + Redactor.HIDDEN).endsWith("g " + Redactor.HIDDEN);
    }

    @Test
    void tokensIssuedLaterAreRemovedToo() {
        Redactor r = withPassword();
        assertThat(r.redact("issued-token-2")).isEqualTo("issued-token-2");
        r.add(Secret.of("issued-token-2"));
        assertThat(r.redact("x issued-token-2 y")).isEqualTo("x " + Redactor.HIDDEN + " y");
    }

    @Test
    void anEchoedTokenRequestIsCutOutWhateverItHolds() {
        Redactor r = Redactor.of(Credentials.NONE);
        String raw = "Invalid input: {\"auth\": {\"identity\": {\"password\": {\"user\": {\"password\": \"unknown}{\"}}}}} end";
        String escaped = "{\"message\": \"bad {\\\"auth\\\":{\\\"identity\\\":{\\\"methods\\\":[]}}} end\"}";

        assertThat(r.redact(raw)).isEqualTo("Invalid input: " + "[the request sent was echoed back; not shown] end");
        assertThat(r.redact(escaped)).isEqualTo("{\"message\": \"bad [the request sent was echoed back; not shown] end\"}");
    }

    @Test
    void tokenHeadersAreHiddenEvenWithAValueItDoesNotKnow() {
        String clean = Redactor.NONE.redact("X-Auth-Token: abc123 and {\"X-Subject-Token\": \"zzz9\"}");
        assertThat(clean).doesNotContain("abc123", "zzz9").contains("X-Auth-Token: " + Redactor.HIDDEN);
    }

    @Test
    void aFailureIsCopiedOnlyWhenItHeldASecretAndLosesTheCauseThatHeldIt() {
        Redactor r = withPassword();
        BackendException clean = new BackendException(Kind.INVALID, "c", "nothing here", new IOException("fine"));
        assertThat(r.redact(clean)).isSameAs(clean);

        BackendException leaky = new BackendException(Kind.FORBIDDEN, "c", "said app-secret-1",
                new IOException("given-token-1"));
        BackendException copy = r.redact(leaky);
        assertThat(copy.getMessage()).isEqualTo("said " + Redactor.HIDDEN);
        assertThat(copy.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(copy.code()).isEqualTo("c");
        assertThat(copy.getCause()).isNull();
    }

    @Test
    void shortValuesAreNotTreatedAsSecrets() {
        Redactor r = new Redactor(List.of(Secret.of("ab")));
        assertThat(r.redact("ab abc")).isEqualTo("ab abc");
    }
}
