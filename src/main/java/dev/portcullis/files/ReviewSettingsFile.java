package dev.portcullis.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.domain.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The review's settings file: a small JSON object, for example
 * {@code {"disabled": ["missing-description"], "adminPorts": [22, 3389, 2222]}}. Every member is optional;
 * a member it does not know, or a value out of range, is a problem with its path, never ignored.
 */
public final class ReviewSettingsFile {

    /** A member the settings file does not have. */
    public static final String UNKNOWN_SETTING = "UnknownSetting";
    /** A value of the wrong type or out of range. */
    public static final String INVALID_SETTING = "InvalidSetting";

    /** Settings files are small; anything larger is not one. */
    static final int MAX_BYTES = 1024 * 1024;

    /** The numbers a settings file may hold, each with the lowest and highest value it takes. */
    private static final Map<String, int[]> NUMBERS = Map.of(
            "ruleQuota", new int[] {-1, 1_000_000},
            "quotaWarningPercent", new int[] {1, 100},
            "maxRulesPerDirection", new int[] {1, 1_000_000},
            "widePortRange", new int[] {1, 65535},
            "widePrefixV4", new int[] {0, 32},
            "widePrefixV6", new int[] {0, 128});
    private static final Set<String> PORT_LISTS = Set.of("adminPorts", "databasePorts", "highRiskPorts",
            "publicServicePorts");

    /**
     * What the file says; a member it leaves out is null (or an absent key of {@code numbers}).
     *
     * @param disabled      check ids not to run
     * @param adminPorts    replaces the default admin ports
     * @param databasePorts replaces the default database ports
     * @param highRiskPorts replaces the default high-risk ports ({@code world-open-port} high)
     * @param publicServicePorts replaces the default public service ports ({@code world-open-port} info)
     * @param numbers       ruleQuota, quotaWarningPercent, maxRulesPerDirection, widePortRange, widePrefixV4/V6
     */
    public record Values(Set<String> disabled, Set<Integer> adminPorts, Set<Integer> databasePorts,
                         Set<Integer> highRiskPorts, Set<Integer> publicServicePorts, Map<String, Integer> numbers) {
    }

    /** The values read, or, when {@code problems} is not empty, why the file cannot be used. */
    public record Result(Values values, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Reads a settings file. {@code knownChecks} are the check ids {@code disabled} may name; any other
     * name is reported, so a typo does not leave a check running that was meant to be off.
     */
    public Result read(Path file, Set<String> knownChecks) {
        String refused = FileKinds.notARegularFile(file, "a review settings file");
        if (refused != null) {
            return failed(FileErrorCode.UNREADABLE, "", refused);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return failed(FileErrorCode.UNREADABLE, "", file + " does not exist.");
        } catch (IOException e) {
            return failed(FileErrorCode.UNREADABLE, "", file + " cannot be read: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            return failed(FileErrorCode.TOO_LARGE, "", file + " is larger than a settings file can be (1 MiB).");
        }
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            return failed(FileErrorCode.MALFORMED_JSON, "", file + " is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            return failed(FileErrorCode.UNREADABLE, "", file + " cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            return failed(FileErrorCode.WRONG_SHAPE, "", file + " must hold a JSON object, e.g. "
                    + "{\"disabled\": [\"missing-description\"]}.");
        }
        return values(root, knownChecks);
    }

    private static Result failed(String code, String field, String message) {
        return new Result(null, List.of(new Problem(code, field, message)));
    }

    private static Result values(JsonNode root, Set<String> knownChecks) {
        List<Problem> problems = new ArrayList<>();
        Set<String> disabled = null;
        Set<Integer> admin = null;
        Set<Integer> database = null;
        Set<Integer> highRisk = null;
        Set<Integer> publicService = null;
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : root.properties()) {
            String key = member.getKey();
            JsonNode value = member.getValue();
            if (key.equals("disabled")) {
                disabled = checkIds(value, knownChecks, problems);
            } else if (PORT_LISTS.contains(key)) {
                Set<Integer> ports = ports(key, value, problems);
                switch (key) {
                    case "adminPorts" -> admin = ports;
                    case "databasePorts" -> database = ports;
                    case "highRiskPorts" -> highRisk = ports;
                    default -> publicService = ports;
                }
            } else if (NUMBERS.containsKey(key)) {
                int[] range = NUMBERS.get(key);
                if (isWhole(value, range[0], range[1])) {
                    numbers.put(key, value.intValue());
                } else {
                    problems.add(new Problem(INVALID_SETTING, key, key + " must be a whole number from " + range[0]
                            + " to " + range[1] + ", not " + value + "."));
                }
            } else {
                problems.add(new Problem(UNKNOWN_SETTING, key, "Unknown setting \"" + key + "\"; the settings are "
                        + "disabled, adminPorts, databasePorts, highRiskPorts, publicServicePorts, "
                        + String.join(", ", new TreeSet<>(NUMBERS.keySet())) + "."));
            }
        }
        return problems.isEmpty() ? new Result(new Values(disabled, admin, database, highRisk,
                publicService, numbers), List.of())
                : new Result(null, problems);
    }

    private static boolean isWhole(JsonNode value, int min, int max) {
        return value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= min && value.intValue() <= max;
    }

    private static Set<String> checkIds(JsonNode value, Set<String> knownChecks, List<Problem> problems) {
        if (!value.isArray()) {
            problems.add(new Problem(INVALID_SETTING, "disabled", "disabled must be a list of check ids, e.g. "
                    + "[\"missing-description\"]."));
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode id = value.get(i);
            if (id.isTextual() && knownChecks.contains(id.textValue())) {
                ids.add(id.textValue());
            } else {
                problems.add(new Problem(INVALID_SETTING, "disabled[" + i + "]", (id.isTextual()
                        ? "There is no check \"" + id.textValue() + "\"" : id + " is not a check id")
                        + "; the checks are " + String.join(", ", new TreeSet<>(knownChecks)) + "."));
            }
        }
        return ids;
    }

    private static Set<Integer> ports(String key, JsonNode value, List<Problem> problems) {
        if (!value.isArray()) {
            problems.add(new Problem(INVALID_SETTING, key, key + " must be a list of ports, e.g. [22, 3389]."));
            return null;
        }
        Set<Integer> ports = new LinkedHashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode port = value.get(i);
            if (isWhole(port, 1, 65535)) {
                ports.add(port.intValue());
            } else {
                problems.add(new Problem(INVALID_SETTING, key + "[" + i + "]", port + " is not a port: a port is a "
                        + "whole number from 1 to 65535."));
            }
        }
        return ports;
    }
}
