package org.pomegranate.supervision.web.task;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.supervision.task.TaskFigure;
import org.pomegranate.supervision.task.TaskFigures;
import org.pomegranate.supervision.task.TaskReading;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 任务统计: the task figures of the user's region for a year (this one unless chosen), each count a
 * link to the instances behind it ({@code /tasks/instances?figure=overdue&year=2026}), whose total is that count.
 */
@Controller
class TaskFiguresController {

	private final TaskFigures figures;

	private final TaskReading reading;

	private final RegionScope scope;

	TaskFiguresController(TaskFigures figures, TaskReading reading, RegionScope scope) {
		this.figures = figures;
		this.reading = reading;
		this.scope = scope;
	}

	@GetMapping("/tasks/figures")
	String figures(@RequestParam(required = false) @Nullable Integer year, Model model) {
		int chosen = year(year);
		var counts = figures.of(scope.prefix(), LocalDate.of(chosen, 1, 1), LocalDate.of(chosen, 12, 31));
		model.addAttribute("counts", counts);
		model.addAttribute("figures", TaskFigure.values());
		model.addAttribute("year", chosen);
		model.addAttribute("completionRate", org.pomegranate.shared.Percent.of(counts.of(TaskFigure.ACCEPTED), counts.of(TaskFigure.DUE)));
		model.addAttribute("onTimeRate", org.pomegranate.shared.Percent.of(counts.of(TaskFigure.ON_TIME), counts.of(TaskFigure.ACCEPTED)));
		return "supervision/task/figures";
	}

	@GetMapping("/tasks/instances")
	String instances(@RequestParam(required = false) @Nullable String figure,
			@RequestParam(required = false) @Nullable Integer year, @RequestParam(defaultValue = "0") int page, Model model) {
		var chosen = TaskFigure.ofParameter(figure == null ? "due" : figure)
			.orElseThrow(() -> new RecordNotFoundException("TaskFigure", String.valueOf(figure)));
		int chosenYear = year(year);
		model.addAttribute("rows", reading.instances(chosen, LocalDate.of(chosenYear, 1, 1), LocalDate.of(chosenYear, 12, 31),
				Paging.page(page)));
		model.addAttribute("figure", chosen);
		model.addAttribute("year", chosenYear);
		return "supervision/task/instances";
	}

	private int year(@Nullable Integer year) {
		return year == null || year < 2000 || year > 2100 ? figures.today().getYear() : year;
	}

}
