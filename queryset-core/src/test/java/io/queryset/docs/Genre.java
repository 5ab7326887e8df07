package io.queryset.docs;

/** The genre of the documentation's {@link Book}: an enum, stored by name. */
public enum Genre { NOVEL, POETRY, SCIENCE }
