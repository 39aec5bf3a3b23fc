package org.amicus.cli;

/** Output formats. */
enum Format { text, json, jsonl, markdown }
