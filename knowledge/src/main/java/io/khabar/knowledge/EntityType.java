package io.khabar.knowledge;

/** The coarse entity types of the knowledge base, the same four as the NER tag sets (PER, ORG, LOC, MISC). */
public enum EntityType { PERSON, ORGANIZATION, LOCATION, MISC }
