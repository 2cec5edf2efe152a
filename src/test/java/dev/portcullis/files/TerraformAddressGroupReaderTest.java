package dev.portcullis.files;

import dev.portcullis.domain.AddressGroup;
import dev.portcullis.domain.AddressGroupDraft;
import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.DraftIds;
import dev.portcullis.domain.Problem;
import dev.portcullis.domain.Remote;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.portcullis.files.TerraformAddressGroupsTest.OFFICE_ID;
import static dev.portcullis.files.TerraformAddressGroupsTest.TYPE;
import static dev.portcullis.files.TerraformRoundTripTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading {@code openstack_networking_address_group_v2} resources and the rules that name them. */
class TerraformAddressGroupReaderTest {

    private static List<Cidr> cidrs(String... prefixes) {
        return java.util.Arrays.stream(prefixes).map(p -> Cidr.parse(p).orElseThrow()).toList();
    }

    @Test
    void aConfigurationsAddressGroupsAreReadAndItsRulesPointAtThem() {
        DefinitionReport report = new TerraformReader().read(resource("terraform/address-groups.tf"));

        assertThat(report.allProblems()).isEmpty();
        assertThat(report.notices()).extracting(Problem::message).noneMatch(m -> m.contains(TYPE));
        String monitoringDraft = DraftIds.group(TYPE + ".monitoring");
        assertThat(report.addressGroups()).containsExactly(
                new AddressGroup(OFFICE_ID, null, "office", "Head office and VPN exits",
                        cidrs("192.0.2.17/32", "203.0.113.0/24")),
                new AddressGroup(monitoringDraft, null, "monitoring", "", cidrs("198.51.100.7/32", "2001:db8:10::/48")));
        assertThat(report.groups().get(0).rules()).extracting(r -> r.rule().remote()).containsExactly(
                new Remote.AddressGroup(OFFICE_ID), new Remote.AddressGroup(monitoringDraft));
        assertThat(report.reviewable().definitions().addressGroups()).hasSize(2);
    }

    @Test
    void aBadAddressIsAProblemNamingFileLineAndEntryAndTheAddressGroupIsNotRead() {
        DefinitionReport report = new TerraformReader().read(resource("terraform/bad-address-group.tf"));

        assertThat(report.addressGroups()).isEmpty();
        assertThat(report.fileProblems()).extracting(Problem::code).containsOnly(AddressGroupDraft.BAD_REQUEST);
        assertThat(report.fileProblems()).extracting(Problem::field).containsExactly(
                "bad-address-group.tf:6 " + TYPE + ".partners.addresses[1]",
                "bad-address-group.tf:7 " + TYPE + ".partners.addresses[2]");
        assertThat(report.fileProblems().get(0).message()).contains("\"198.51.100.9\" has no length",
                "198.51.100.9/32", "is not read");
        assertThat(report.groups()).singleElement().satisfies(g -> assertThat(g.rules()).extracting(r -> r.rule()
                .remote()).containsExactly(new Remote.AddressGroup(DraftIds.group(TYPE + ".partners"))));
    }

    @Test
    void neutronsRulesApplyToTheAddressesAsWritten() {
        DefinitionReport report = new TerraformReader().read("""
                resource "openstack_networking_address_group_v2" "lab" {
                  name      = "lab"
                  addresses = ["10.0.0.9/8", "10.0.0.0/8", "2001:db8::1/64"]
                }
                resource "openstack_networking_address_group_v2" "twice" {
                  addresses = ["192.0.2.0/24", "192.0.2.0/24"]
                }
                """);

        assertThat(report.addressGroups()).singleElement().extracting(AddressGroup::addresses)
                .isEqualTo(cidrs("10.0.0.0/8", "2001:db8::/64"));
        assertThat(report.fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("<text>:6 " + TYPE + ".twice.addresses[1]");
            assertThat(p.message()).contains("listed twice");
        });
    }

    @Test
    void unknownValuesAndUnreadArgumentsAreProblemsAsForGroupsAndRulesStillNameTheAddressGroup() {
        DefinitionReport report = new TerraformReader().read("""
                variable "office_prefixes" {}
                resource "openstack_networking_address_group_v2" "office" {
                  name      = "office"
                  addresses = var.office_prefixes
                }
                resource "openstack_networking_address_group_v2" "empty" {
                  name = "empty"
                }
                resource "openstack_networking_address_group_v2" "tagged" {
                  addresses = ["10.0.0.0/8"]
                  tags      = ["x"]
                }
                resource "openstack_networking_secgroup_v2" "web" {
                  name                 = "web"
                  delete_default_rules = true
                }
                resource "openstack_networking_secgroup_rule_v2" "ssh" {
                  security_group_id       = openstack_networking_secgroup_v2.web.id
                  direction               = "ingress"
                  ethertype               = "IPv4"
                  remote_address_group_id = openstack_networking_address_group_v2.office.id
                }
                """);

        assertThat(report.addressGroups()).isEmpty();
        assertThat(report.fileProblems()).extracting(Problem::code, Problem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TerraformReader.UNKNOWN, "<text>:4 " + TYPE + ".office.addresses"),
                org.assertj.core.groups.Tuple.tuple(TerraformReader.NOT_READ, "<text>:6 " + TYPE + ".empty"),
                org.assertj.core.groups.Tuple.tuple(TerraformReader.NOT_READ, "<text>:11 " + TYPE + ".tagged.tags"));
        assertThat(report.groups().get(0).rules()).extracting(r -> r.rule().remote())
                .containsExactly(new Remote.AddressGroup(DraftIds.group(TYPE + ".office")));
    }

    @Test
    void countAndForEachMakeOneAddressGroupPerInstance() {
        DefinitionReport report = new TerraformReader().read("""
                locals {
                  sites = { paris = "192.0.2.0/24", oslo = "198.51.100.0/24" }
                }
                resource "openstack_networking_address_group_v2" "site" {
                  for_each  = local.sites
                  name      = each.key
                  addresses = [each.value]
                }
                """);

        assertThat(report.allProblems()).isEmpty();
        assertThat(report.addressGroups()).extracting(AddressGroup::id, AddressGroup::name).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(DraftIds.group(TYPE + ".site[\"paris\"]"), "paris"),
                org.assertj.core.groups.Tuple.tuple(DraftIds.group(TYPE + ".site[\"oslo\"]"), "oslo"));
        assertThat(report.addressGroups()).extracting(a -> a.addresses().size()).containsOnly(1);
    }

    @Test
    void twoAddressGroupsImportedUnderOneIdAreAProblemAndTheSecondIsNotRead() {
        DefinitionReport report = new TerraformReader().read("""
                resource "openstack_networking_address_group_v2" "a" {
                  addresses = ["192.0.2.0/24"]
                }
                resource "openstack_networking_address_group_v2" "b" {
                  addresses = ["198.51.100.0/24"]
                }
                import {
                  to = openstack_networking_address_group_v2.a
                  id = "ag-1"
                }
                import {
                  to = openstack_networking_address_group_v2.b
                  id = "ag-1"
                }
                """);

        assertThat(report.addressGroups()).extracting(AddressGroup::addresses).containsExactly(cidrs("192.0.2.0/24"));
        assertThat(report.fileProblems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("<text>:4 " + TYPE + ".b");
            assertThat(p.message()).contains("ag-1");
        });
    }
}
