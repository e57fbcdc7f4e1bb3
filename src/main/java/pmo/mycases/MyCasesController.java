package pmo.mycases;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pmo.platform.Page;
import pmo.platform.PageRequest;

/** The signed-in user's cases (README, "My cases and references"); the page /my-cases/ shows them. */
@RestController
@RequestMapping("/api/my")
class MyCasesController {

  private final MyCasesService cases;

  MyCasesController(MyCasesService cases) {
    this.cases = cases;
  }

  @GetMapping("/cases")
  Page<MyCase> cases(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return cases.mine(PageRequest.of(page, size));
  }
}
