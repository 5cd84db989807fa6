package dev.sumbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sumbench.core.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JmhArgsTest {

    @Test
    void wordsAreSplitAtWhiteSpace() {
        assertEquals(List.of("-p", "size=1000", "-prof", "gc"), JmhArgs.split("  -p size=1000\t-prof gc "));
    }

    @Test
    void quotesKeepAWordTogether() {
        assertEquals(List.of("-jvmArgsAppend", "-Xmx2g -XX:+UseParallelGC", "-p", "a b"),
                JmhArgs.split("-jvmArgsAppend \"-Xmx2g -XX:+UseParallelGC\" -p 'a b'"));
        assertEquals(List.of("say \"hi\"", "x y"), JmhArgs.split("\"say \\\"hi\\\"\" x\\ y"));
    }

    @Test
    void nothingGivesNoWords() {
        assertEquals(List.of(), JmhArgs.split(null));
        assertEquals(List.of(), JmhArgs.split("   "));
    }

    @Test
    void anOpenQuoteIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class, () -> JmhArgs.split("-p 'size=1"));
        assertEquals("bench.args: the quote ' is not closed in: -p 'size=1", e.getMessage());
    }
}
