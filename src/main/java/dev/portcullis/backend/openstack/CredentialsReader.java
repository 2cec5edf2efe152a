package dev.portcullis.backend.openstack;

import java.util.List;

/**
 * Reads user, project and secret for an auth type and checks that Keystone has what it needs. Like
 * openstackclient, a user or project named without a domain is looked up in the domain {@code default},
 * and {@code domain_id}/{@code domain_name} stand for both the user's and the project's domain.
 */
final class CredentialsReader {

    static final String DEFAULT_DOMAIN_ID = "default";

    private final CloudKeys keys;
    private final List<String> problems;

    CredentialsReader(CloudKeys keys, List<String> problems) {
        this.keys = keys;
        this.problems = problems;
    }

    Credentials read(AuthType type) {
        String username = keys.auth("username");
        String userId = keys.auth("user_id");
        String projectName = keys.auth("project_name");
        String projectId = keys.auth("project_id");
        String[] userDomain = domain("user_domain_name", "user_domain_id", username != null && userId == null);
        String[] projectDomain = domain("project_domain_name", "project_domain_id", projectName != null && projectId == null);
        Secret password = secret("password");
        Secret appSecret = secret("application_credential_secret");
        Secret token = secret("token");
        String appId = keys.auth("application_credential_id");
        String appName = keys.auth("application_credential_name");
        switch (type) {
            case PASSWORD -> {
                require(username != null || userId != null, "It has no username (or user_id).");
                require(password != null, "It has no password: put it in secure.yaml, or set OS_PASSWORD.");
                requireProject(projectName, projectId);
            }
            case TOKEN -> {
                require(token != null, "auth_type token needs 'token' (or OS_TOKEN).");
                requireProject(projectName, projectId);
            }
            case APPLICATION_CREDENTIAL -> {
                require(appSecret != null, "It has no application_credential_secret: put it in secure.yaml,"
                        + " or set OS_APPLICATION_CREDENTIAL_SECRET.");
                require(appId != null || appName != null, "It has neither application_credential_id nor"
                        + " application_credential_name.");
                require(appId != null || username != null || userId != null, "An application credential given by"
                        + " name also needs its owner: username (with user_domain_name) or user_id.");
            }
            case NONE -> {
                return Credentials.NONE;
            }
        }
        return new Credentials(username, userId, userDomain[0], userDomain[1], projectName, projectId,
                projectDomain[0], projectDomain[1], appId, appName, password, appSecret, token);
    }

    /** Name and id of a domain; falls back to domain_name/domain_id, then (when needed) to the default. */
    private String[] domain(String nameKey, String idKey, boolean needed) {
        String name = keys.auth(nameKey);
        String id = keys.auth(idKey);
        if (name == null && id == null) {
            name = keys.auth("domain_name");
            id = keys.auth("domain_id");
        }
        if (name == null && id == null && needed) {
            id = DEFAULT_DOMAIN_ID;
        }
        return new String[] {name, id};
    }

    private Secret secret(String key) {
        String value = keys.authSecret(key);
        return value == null ? null : Secret.of(value);
    }

    private void requireProject(String name, String id) {
        require(name != null || id != null, "It names no project: set project_name (or project_id); Portcullis"
                + " works on one project's security groups.");
    }

    private void require(boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
    }
}
