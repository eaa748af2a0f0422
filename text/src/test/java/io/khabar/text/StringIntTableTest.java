package io.khabar.text;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class StringIntTableTest {
    /** Every key found with its value, every other word missing, as a HashMap would answer; any CharSequence works. */
    @Test
    void answersExactlyAsTheMapItWasBuiltFrom() {
        Map<String, Integer> map = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) { // Arabic-letter words: String.hashCode collides often in their low bits
            StringBuilder w = new StringBuilder();
            for (int k = 0, n = 2 + random.nextInt(6); k < n; k++) {
                w.append((char) (0x0621 + random.nextInt(42)));
            }
            map.put(w.toString(), i);
        }
        map.put("", -7);
        map.put("الرئه", 1); // the same String.hashCode as الذنب, الذمه and الراب
        map.put("الذنب", 2);
        StringIntTable table = StringIntTable.of(map);
        assertThat(table.size()).isEqualTo(map.size());
        map.forEach((k, v) -> assertThat(table.get(k, Integer.MIN_VALUE)).as(k).isEqualTo(v));
        assertThat(table.get(new StringBuilder("الذنب"), 0)).isEqualTo(2);
        assertThat(table.get("الذمه", 0)).isZero();
        assertThat(table.get("word", -1)).isEqualTo(-1);
        Map<String, Integer> back = new HashMap<>();
        table.forEach(back::put);
        assertThat(back).isEqualTo(map);
        assertThat(StringIntTable.EMPTY.get("x", 5)).isEqualTo(5);
    }

    /**
     * A slot keeps the entry's index in as few bits as the entry count needs and hash bits above it: tables of 1 to
     * 70 entries cross every width from 1 to 7 bits, and each still finds its keys and none of 2,000 other words.
     */
    @Test
    void entryIndexesAndHashBitsShareASlotAtEveryWidth() {
        Random random = new Random(11);
        for (int n = 1; n <= 70; n++) {
            Map<String, Integer> map = new HashMap<>();
            while (map.size() < n) {
                map.put("w" + random.nextInt(1_000), map.size());
            }
            StringIntTable table = StringIntTable.of(map);
            map.forEach((k, v) -> assertThat(table.get(k, -1)).as(k).isEqualTo(v));
            for (int k = 0; k < 2_000; k++) {
                String other = "w" + (1_000 + k);
                assertThat(table.get(other, -1)).as(other).isEqualTo(-1);
            }
        }
    }
}
