package pmo.stagegate;

import java.util.List;
import pmo.project.Rag;

/** What the project manager submits for a gate (the package form): ticked deliverables, links, summary, RAG. */
record GatePackageCommand(List<String> deliverables, String links, String summary, Rag rag) {
}
