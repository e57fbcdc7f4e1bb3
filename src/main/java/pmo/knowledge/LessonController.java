package pmo.knowledge;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pmo.platform.Page;
import pmo.platform.PageRequest;

/** The knowledge base over REST: search lessons learned by text, category, tag and project. */
@RestController
@RequestMapping("/api/lessons")
class LessonController {

  private final KnowledgeService knowledge;

  LessonController(KnowledgeService knowledge) {
    this.knowledge = knowledge;
  }

  @GetMapping
  Page<Lesson> search(@RequestParam(required = false) String q,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) Long projectId,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) Long after) {
    return knowledge.search(new LessonQuery(q, category, tag, projectId), PageRequest.of(page, size, after));
  }
}
