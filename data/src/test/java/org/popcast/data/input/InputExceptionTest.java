package org.popcast.data.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Messages stay one line whatever the input quoted in them holds (fuzzing findings of ScenarioYamlFuzzTest). */
class InputExceptionTest {

    @Test
    void lineBreaksAndControlCharactersAreEscaped() {
        assertEquals("f.yaml:1:2: found \\n(10), key 'e\\r\\n\\u0000\\u2028'",
                new InputException("f.yaml:1:2: found \n(10), key 'e\r\n\u0000\u2028'").getMessage());
        assertEquals("plain: unchanged", new InputException("plain: unchanged").getMessage());
    }

    @Test
    void aYamlErrorAtALineBreakIsOneLine() {
        String m = org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> YamlConfig.parse("f.yaml", "%\n")).getMessage();
        assertEquals(1, m.lines().count(), m);
        assertEquals(true, m.startsWith("f.yaml:1:2: not valid YAML: "), m);
    }
}
