package pmo.migration;

import java.util.List;

/**
 * What a process owner asks for: move instances of {@code processKey} from {@code sourceVersion} to
 * {@code targetVersion}. {@code instructions} override or add to the generated mapping (equal activity ids); without
 * {@code processInstanceIds} every running instance of the source version moves.
 */
record MigrationCommand(String processKey, Integer sourceVersion, Integer targetVersion,
    List<Instruction> instructions, List<String> processInstanceIds) {

  List<Instruction> overrides() {
    return instructions == null ? List.of() : instructions;
  }
}
