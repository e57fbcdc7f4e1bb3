package pmo.migration;

/** One mapping of a migration plan: instances of activity {@code from} (source version) move to {@code to}. */
record Instruction(String from, String to) {
}
