package dev.portcullis.backend.openstack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;

/** The body and address of Keystone v3's {@code POST /v3/auth/tokens} for a cloud's credentials. */
final class TokenRequest {

    private TokenRequest() {
    }

    /** {@code <auth_url>/v3/auth/tokens}; an auth_url may end in /v3 or not (and /v2.0 is read as the root). */
    static URI tokensUri(URI authUrl) {
        String text = authUrl.toString().replaceAll("/+$", "");
        if (text.endsWith("/v2.0")) {
            text = text.substring(0, text.length() - "/v2.0".length());
        }
        if (!text.endsWith("/v3")) {
            text += "/v3";
        }
        return URI.create(text + "/auth/tokens");
    }

    /** The JSON body; it holds the secret, so it is only ever sent, never logged. */
    static ObjectNode body(AuthType type, Credentials c) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode auth = root.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        switch (type) {
            case PASSWORD -> {
                identity.putArray("methods").add("password");
                ObjectNode user = identity.putObject("password").putObject("user");
                user(user, c);
                user.put("password", c.password().reveal());
                project(auth, c);
            }
            case TOKEN -> {
                identity.putArray("methods").add("token");
                identity.putObject("token").put("id", c.token().reveal());
                project(auth, c);
            }
            case APPLICATION_CREDENTIAL -> {
                identity.putArray("methods").add("application_credential");
                ObjectNode credential = identity.putObject("application_credential");
                if (c.applicationCredentialId() != null) {
                    credential.put("id", c.applicationCredentialId());
                } else {
                    credential.put("name", c.applicationCredentialName());
                    user(credential.putObject("user"), c);
                }
                credential.put("secret", c.applicationCredentialSecret().reveal());
            }
            case NONE -> throw new IllegalArgumentException("auth_type none asks Keystone for nothing");
        }
        return root;
    }

    private static void user(ObjectNode user, Credentials c) {
        if (c.userId() != null) {
            user.put("id", c.userId());
            return;
        }
        user.put("name", c.username());
        domain(user, c.userDomainName(), c.userDomainId());
    }

    private static void project(ObjectNode auth, Credentials c) {
        ObjectNode project = auth.putObject("scope").putObject("project");
        if (c.projectId() != null) {
            project.put("id", c.projectId());
            return;
        }
        project.put("name", c.projectName());
        domain(project, c.projectDomainName(), c.projectDomainId());
    }

    private static void domain(ObjectNode owner, String name, String id) {
        ObjectNode domain = owner.putObject("domain");
        if (id != null) {
            domain.put("id", id);
        } else {
            domain.put("name", name);
        }
    }
}
