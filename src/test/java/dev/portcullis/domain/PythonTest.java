package dev.portcullis.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Python's int() and str(), which Neutron's conversions inherit. */
class PythonTest {

    private static Optional<Integer> toInt(Raw raw) {
        return Python.toInt(raw).map(BigInteger::intValueExact);
    }

    private static Raw flt(String text) {
        return Raw.number(new BigDecimal(text), false);
    }

    @Test
    void intOfTextTakesBlanksSignsAndUnderscores() {
        assertThat(toInt(Raw.text("22"))).contains(22);
        assertThat(toInt(Raw.text(" 22"))).contains(22);    // probe ports-tcp-string-leading-space-22
        assertThat(toInt(Raw.text("22 \t\n"))).contains(22);
        assertThat(toInt(Raw.text("+22"))).contains(22);
        assertThat(toInt(Raw.text("-1"))).contains(-1);
        assertThat(toInt(Raw.text("022"))).contains(22);
        assertThat(toInt(Raw.text("2_2"))).contains(22);
        assertThat(Python.toInt(Raw.text("99999999999999999999"))).contains(new BigInteger("99999999999999999999"));
    }

    @Test
    void intOfTextRefusesWhatPythonRefuses() {
        assertThat(toInt(Raw.text("22.0"))).isEmpty();      // probe ports-tcp-string-22.0-22.0
        assertThat(toInt(Raw.text("0x16"))).isEmpty();      // probe ports-tcp-string-hex-0x16
        assertThat(toInt(Raw.text(""))).isEmpty();          // probe ports-tcp-string-empty-empty
        assertThat(toInt(Raw.text("abc"))).isEmpty();
        assertThat(toInt(Raw.text("_22"))).isEmpty();
        assertThat(toInt(Raw.text("22_"))).isEmpty();
        assertThat(toInt(Raw.text("2__2"))).isEmpty();
        assertThat(toInt(Raw.text("+-2"))).isEmpty();
        assertThat(toInt(Raw.text("2 2"))).isEmpty();
        assertThat(toInt(Raw.text("1e3"))).isEmpty();
    }

    @Test
    void intOfANumberDropsTheFraction() {
        assertThat(toInt(Raw.number(22))).contains(22);
        assertThat(toInt(flt("22.0"))).contains(22);        // probe ports-tcp-number-22.0-22.0
        assertThat(toInt(flt("22.7"))).contains(22);        // probe ports-tcp-number-22.7-22.7
        assertThat(toInt(flt("-22.7"))).contains(-22);      // toward zero, as int() does
        assertThat(toInt(flt("1E+3"))).contains(1000);
    }

    @Test
    void intOfABooleanIsOneOrZero() {
        assertThat(toInt(Raw.bool(true))).contains(1);      // probe ports-tcp-boolean-true-true
        assertThat(toInt(Raw.bool(false))).contains(0);
    }

    @Test
    void intOfNothingOrAStructureFails() {
        assertThat(toInt(Raw.NULL)).isEmpty();
        assertThat(toInt(Raw.ABSENT)).isEmpty();
        assertThat(toInt(new Raw.Other("array"))).isEmpty();
    }

    @Test
    void intInRange() {
        assertThat(Python.toIntInRange(Raw.text("65535"), 0, 65535)).contains(65535);
        assertThat(Python.toIntInRange(Raw.text("65536"), 0, 65535)).isEmpty();
        assertThat(Python.toIntInRange(Raw.number(-1), 0, 65535)).isEmpty();
        assertThat(Python.toIntInRange(Raw.text("99999999999999999999"), 0, 65535)).isEmpty();
    }

    @Test
    void strIsWhatNeutronPutsInItsMessages() {
        assertThat(Python.str(Raw.text("tcp"))).isEqualTo("tcp");
        assertThat(Python.str(Raw.number(6))).isEqualTo("6");
        assertThat(Python.str(flt("6.0"))).isEqualTo("6.0");
        assertThat(Python.str(flt("22.70"))).isEqualTo("22.7");
        assertThat(Python.str(flt("1e16"))).isEqualTo("1e+16");
        assertThat(Python.str(flt("1.5e-7"))).isEqualTo("1.5e-07");
        assertThat(Python.str(Raw.bool(true))).isEqualTo("True");
        assertThat(Python.str(Raw.NULL)).isEqualTo("None");
    }

    @Test
    void truthiness() {
        assertThat(Python.falsy(Raw.text(""))).isTrue();     // probe remote-string-empty: no remote
        assertThat(Python.falsy(Raw.number(0))).isTrue();    // probe remote-number-0: no remote
        assertThat(Python.falsy(Raw.NULL)).isTrue();
        assertThat(Python.falsy(Raw.ABSENT)).isTrue();
        assertThat(Python.falsy(Raw.bool(false))).isTrue();
        assertThat(Python.falsy(Raw.text(" "))).isFalse();
        assertThat(Python.falsy(Raw.number(10))).isFalse();  // probe remote-number-10: InvalidCIDR
        assertThat(Python.falsy(new Raw.Other("array"))).isFalse();
    }

    @Test
    void stripRemovesPythonsWhitespace() {
        assertThat(Python.strip(" \t\n\u000b\u000c\r x \u001c\u001f\u00a0\u2003")).isEqualTo("x");
    }

    @Test
    void hugeExponentsAreOutOfRangeAtOnceNotComputed() {
        Raw huge = Raw.number(new java.math.BigDecimal("1e999999999"), false);
        Raw tiny = Raw.number(new java.math.BigDecimal("1e-999999999"), false);

        assertThat(Python.toIntInRange(huge, 0, 65535)).isEmpty();
        assertThat(Python.toInt(tiny)).contains(java.math.BigInteger.ZERO);
        assertThat(Python.toIntInRange(Raw.number(new java.math.BigDecimal("-1e999999999"), false), -1, 1)).isEmpty();
    }

    @Test
    void unicodeDecimalDigitsCountAsPythonsIntCountsThem() {
        assertThat(Python.toInt(Raw.text("\u0662\u0662"))).contains(java.math.BigInteger.valueOf(22));
        assertThat(Python.toInt(Raw.text("\u0968\u0968"))).contains(java.math.BigInteger.valueOf(22));
        assertThat(Python.toInt(Raw.text("\u00b2"))).as("superscript two is not a decimal digit").isEmpty();
    }

    @Test
    void theEtherTypeIsComparedLowerCasedAsPythonDoes() {
        assertThat(EtherType.parse("iPv6")).contains(EtherType.IPV6);
        assertThat(EtherType.parse("\u0131pv4")).as("dotless i").isEmpty();
        assertThat(EtherType.parse("\u0130Pv4")).as("dotted capital I").isEmpty();
    }
}
