package dev.portcullis.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neutron's rules for tags, as the real server (Zed, MariaDB) answered them on 2026-12-04: PUT .../tags with
 * ["a","a"] is 400 "Duplicate items in the list"; ["B","b"] drops the connection; PUT .../tags/web when "Web"
 * is there is 201 and keeps "Web"; DELETE .../tags/RED removes "red"; ?tags=RED finds "red"; 255 characters
 * are accepted and 256 refused (400 InvalidInput); "", "a,b", "x/y", " 6 " and "été" are accepted in the body;
 * null and 5 are "not a valid string".
 */
class TagsTest {

    @Test
    void anyTextUpTo255CharactersIsATag() {
        assertThat(Tags.check(List.of("", "a,b", "x/y", " spaced ", "\u00e9t\u00e9", "t".repeat(255)))).isEmpty();
    }

    @Test
    void aTagOf256CharactersIsRefusedWithItsLengthAndPlace() {
        List<Problem> problems = Tags.check(List.of("ok", "t".repeat(256)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(p.field()).isEqualTo("tags[1]");
            assertThat(p.message()).contains("256 characters long").contains("at most 255").contains("\u2026");
        });
    }

    @Test
    void aTagTwiceInAnyLetterCaseIsRefused() {
        assertThat(Tags.check(List.of("Web", "db", "web"))).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("tags[2]");
            assertThat(p.message()).contains("\"web\" is there twice").contains("letter case");
        });
        assertThat(Tags.check(List.of("a", "a"))).hasSize(1);
    }

    @Test
    void aNullTagIsRefused() {
        assertThat(Tags.check(Arrays.asList("a", null))).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("A tag must be text, not null."));
    }

    @Test
    void addingATagThatIsThereInAnotherCaseChangesNothing() {
        assertThat(Tags.with(List.of("Web"), "web")).containsExactly("Web");
        assertThat(Tags.with(List.of("web"), "db")).containsExactly("db", "web");
    }

    @Test
    void removingATagRemovesItInAnyCase() {
        assertThat(Tags.without(List.of("red", "blue"), "RED")).containsExactly("blue");
        assertThat(Tags.without(List.of("red"), "green")).containsExactly("red");
    }

    @Test
    void aTagIsFoundInAnyCase() {
        assertThat(Tags.has(List.of("red", "blue"), "RED")).isTrue();
        assertThat(Tags.has(List.of("red", "blue"), "re")).isFalse();
    }

    @Test
    void tagsAreKeptSortedAndOnceEach() {
        assertThat(Tags.normalized(List.of("t2", "T1", "t10", "t1"))).containsExactly("T1", "t10", "t2");
    }

    @Test
    void unsafeCharactersInATagAreEscapedInTheMessage() {
        String tag = "\u202eevil" + "x".repeat(300);
        assertThat(Tags.check(List.of(tag)).get(0).message()).doesNotContain("\u202e");
    }

    @Test
    void listsAreTheSameTagsInAnyOrderAndLetterCase() {
        assertThat(Tags.same(List.of("prod", "Web"), List.of("web", "PROD"))).isTrue();
        assertThat(Tags.same(List.of("prod"), List.of("prod", "eu"))).isFalse();
    }
}
