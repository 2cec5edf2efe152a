package dev.portcullis.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;
import dev.portcullis.files.AnsibleWriter;
import dev.portcullis.files.DefinitionReport;
import dev.portcullis.files.DefinitionWriter;
import dev.portcullis.files.Definitions;
import dev.portcullis.files.HeatWriter;
import dev.portcullis.files.SourceReader;
import dev.portcullis.files.TerraformWriter;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long reading alone takes, and how much heap it needs, for each format a source may be in: the project of
 * {@link SourcesBenchmark#project} at each of {@code bench.sizes} groups (default 3000,10000) with
 * {@code bench.rules} rules each, written as a definition file (Portcullis's indented JSON), as Neutron's own
 * compact answer to {@code GET /v2.0/security-groups} with every member Neutron sends, as Terraform, Heat and
 * Ansible. Prints, per source, the median wall time of {@code bench.runs} reads, the CPU time of the reading
 * thread and of the whole process (the garbage collector included: on a busy machine the wall time says more
 * about the neighbours than about the reader), the heap the report
 * holds once read, and the peak heap while reading (the sum of the pools' peaks: an upper bound). Formats can be
 * picked with {@code bench.formats} (json,neutron,tf,heat,ansible). Asserts nothing.
 *
 * <pre>mvn -q -Pbench -Dbench.main=dev.portcullis.bench.ReadBenchmark [-Dbench.sizes=3000,10000] [-Dbench.runs=3]
 * [-Dbench.formats=json,neutron]</pre>
 */
public final class ReadBenchmark {

    private ReadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rules = Integer.getInteger("bench.rules", 20);
        int runs = Integer.getInteger("bench.runs", 3);
        List<String> formats = List.of(System.getProperty("bench.formats", "json,neutron,tf,heat,ansible").split(","));
        System.out.printf("%-28s %8s %9s %9s %9s %9s %10s %10s%n", "source", "groups", "size", "read", "cpu",
                "all cpu", "held", "peak");
        for (String size : System.getProperty("bench.sizes", "3000,10000").split(",")) {
            int groups = Integer.parseInt(size.strip());
            Path dir = Files.createTempDirectory("portcullis-read-bench");
            Map<String, Path> sources = write(dir, groups, rules, formats);
            for (Map.Entry<String, Path> source : sources.entrySet()) {
                measure(source.getKey(), groups, source.getValue(), runs);
            }
            for (Path p : sources.values()) {
                Files.delete(p);
            }
            Files.delete(dir);
        }
    }

    private static Map<String, Path> write(Path dir, int groups, int rules, List<String> formats) throws IOException {
        List<SecurityGroup> project = SourcesBenchmark.project(groups, rules);
        Map<String, Path> sources = new LinkedHashMap<>();
        if (formats.contains("json")) {
            sources.put("definition file (.json)", Files.write(dir.resolve("groups.json"),
                    new DefinitionWriter().toJson(new Definitions(project, List.of()))));
        }
        if (formats.contains("neutron")) {
            sources.put("Neutron's answer (.json)", neutron(dir.resolve("neutron.json"), project));
        }
        if (formats.contains("tf")) {
            sources.put("Terraform (.tf)", Files.write(dir.resolve("groups.tf"),
                    new TerraformWriter().toTerraform(project)));
        }
        if (formats.contains("heat")) {
            sources.put("Heat template (.yaml)", Files.write(dir.resolve("groups.yaml"),
                    new HeatWriter().toHeat(project)));
        }
        if (formats.contains("ansible")) {
            sources.put("Ansible playbook (.yml)", Files.write(dir.resolve("groups.yml"),
                    new AnsibleWriter().toAnsible(project)));
        }
        return sources;
    }

    /** What Neutron answers to GET /v2.0/security-groups: compact, every member it sends on groups and rules. */
    private static Path neutron(Path file, List<SecurityGroup> project) throws IOException {
        long attr = 1;
        try (JsonGenerator out = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeArrayFieldStart("security_groups");
            for (SecurityGroup g : project) {
                out.writeStartObject();
                out.writeStringField("id", g.id());
                out.writeStringField("name", g.name());
                out.writeStringField("tenant_id", g.projectId());
                out.writeBooleanField("stateful", g.stateful());
                out.writeBooleanField("shared", false);
                out.writeStringField("description", g.description());
                out.writeArrayFieldStart("security_group_rules");
                for (Rule r : g.rules()) {
                    out.writeStartObject();
                    out.writeStringField("id", r.id());
                    out.writeStringField("tenant_id", g.projectId());
                    out.writeStringField("security_group_id", g.id());
                    out.writeStringField("ethertype", r.etherType().neutronValue());
                    out.writeStringField("direction", r.direction().neutronValue());
                    out.writeStringField("protocol", r.protocol().value());
                    out.writeNumberField("port_range_min", r.ports().min());
                    out.writeNumberField("port_range_max", r.ports().max());
                    out.writeStringField("remote_ip_prefix", r.remoteIpPrefix());
                    out.writeStringField("remote_address_group_id", null);
                    out.writeStringField("normalized_cidr", r.normalizedCidr());
                    out.writeStringField("remote_group_id", r.remoteGroupId());
                    out.writeBooleanField("belongs_to_default_sg", false);
                    out.writeNumberField("standard_attr_id", attr++);
                    out.writeStringField("description", r.description());
                    standard(out, g.projectId(), 0);
                }
                out.writeEndArray();
                standard(out, g.projectId(), 1);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return file;
    }

    /** The members Neutron ends every group and rule with, and the end of the object. */
    private static void standard(JsonGenerator out, String project, int revision) throws IOException {
        String time = "2026-11-26T14:28:09Z";
        out.writeArrayFieldStart("tags");
        out.writeEndArray();
        out.writeStringField("created_at", time);
        out.writeStringField("updated_at", time);
        out.writeNumberField("revision_number", revision);
        out.writeStringField("project_id", project);
        out.writeEndObject();
    }

    private static void measure(String name, int groups, Path file, int runs) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        List<Long> processCpu = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long held = 0;
        long peak = 0;
        String outcome = "";
        for (int run = 0; run < runs; run++) {
            System.gc();
            long before = used();
            List<MemoryPoolMXBean> pools = heapPools();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            long startCpu = threads.getCurrentThreadCpuTime();
            long startProcess = os.getProcessCpuTime();
            long start = System.nanoTime();
            DefinitionReport report = new SourceReader().read(file);
            wall.add(System.nanoTime() - start);
            cpu.add(threads.getCurrentThreadCpuTime() - startCpu);
            processCpu.add(os.getProcessCpuTime() - startProcess);
            peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.gc();
            held = used() - before;
            outcome = report.unusable() ? "refused: " + report.fileProblems().get(0).message()
                    : String.format("%,d groups, %,d problems", report.groups().size(), report.allProblems().size());
        }
        System.out.printf("%-28s %8d %8.1fM %8.2fs %8.2fs %8.2fs %9dM %9dM   %s%n", name, groups,
                Files.size(file) / 1e6, median(wall), median(cpu), median(processCpu), held >> 20, peak >> 20, outcome);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static long used() {
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        return sorted.get(sorted.size() / 2) / 1e9;
    }
}
