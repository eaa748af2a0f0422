package io.khabar.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptsTest {
    @Test
    void theArabicBlockIsWhatTheModelsWereTrainedWith() {
        assertThat(Scripts.inArabicBlock('ب')).isTrue();
        assertThat(Scripts.inArabicBlock('،')).isTrue(); // Arabic comma: in the block
        assertThat(Scripts.inArabicBlock('٣')).isTrue();
        assertThat(Scripts.inArabicBlock('ﻻ')).isFalse(); // presentation form: outside the block
        assertThat(Scripts.inArabicBlock('a')).isFalse();
        assertThat(Scripts.startsInArabicBlock("بوتين")).isTrue();
        assertThat(Scripts.startsInArabicBlock("")).isFalse();
        assertThat(Scripts.anyInArabicBlock("Putin بوتين")).isTrue();
        assertThat(Scripts.anyInArabicBlock(null)).isFalse();
    }

    @Test
    void arabicScriptTakesSupplementsAndPresentationFormsButNotTheByteOrderMark() {
        assertThat(Scripts.isArabicScript('ﻻ')).isTrue();
        assertThat(Scripts.isArabicScript('ݐ')).isTrue(); // U+0750
        assertThat(Scripts.isArabicScript('ࢠ')).isTrue(); // U+08A0
        assertThat(Scripts.isArabicScript('\uFEFF')).isFalse();
        assertThat(Scripts.anyArabicScript("Sochi")).isFalse();
        assertThat(Scripts.anyArabicScript("ﻻ")).isTrue();
    }

    @Test
    void scoresHaveThreeDecimals() {
        assertThat(Scores.round3(0.12345)).isEqualTo(0.123);
        assertThat(Scores.round3(0.9996)).isEqualTo(1.0);
        assertThat(Scores.round3(0.0005)).isEqualTo(0.001);
    }
}
