package io.khabar.topics;

/**
 * One IPTC Media Topic the classifier can assign: its code, English label (from the IPTC vocabulary), the team's
 * Arabic label, and its level in the IPTC tree. Only the 17 top-level topics (level 1) are assigned today.
 *
 * @param code    qcode, e.g. {@code medtop:15000000}
 * @param label   English IPTC label, e.g. {@code sport}
 * @param labelAr Arabic label written by the team, e.g. {@code الرياضة}
 * @param level   1 for top-level topics
 */
public record Topic(String code, String label, String labelAr, int level) {
}
