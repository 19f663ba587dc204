package org.pomegranate.supervision.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.Upload;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.supervision.task.TaskForms.ExtensionForm;
import org.pomegranate.supervision.task.TaskForms.ReasonForm;
import org.pomegranate.supervision.task.TaskForms.ReportForm;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The steps of a task instance, each in its own transaction: load it inside the user's scope
 * (outside answers as missing), check the form's version, let the instance take the step (it
 * refuses what its state or the actor does not allow), and write the timeline line and the audit
 * line with it. A report's attachments are checked before anything is written.
 */
@Service
@Validated
public class TaskSteps {

	/** The file store's owner kind of a report's attachments (owner: the instance). */
	public static final String REPORT_FILES = "task-report";

	static final String ENTITY = "TaskInstance";

	private final TaskInstanceRepository instances;

	private final TaskEventRepository events;

	private final RegionScope scope;

	private final FileStore files;

	private final AuditLog audit;

	private final Clock clock;

	TaskSteps(TaskInstanceRepository instances, TaskEventRepository events, RegionScope scope, FileStore files,
			AuditLog audit, Clock clock) {
		this.instances = instances;
		this.events = events;
		this.scope = scope;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	/** The steps {@code actor} may take on the instance now, as its page offers them. */
	public static Set<TaskAction> allowed(TaskInstance instance, TaskActor actor) {
		var allowed = EnumSet.noneOf(TaskAction.class);
		for (var action : TaskAction.STEPS) {
			if (instance.refusal(action, actor).isEmpty()) {
				allowed.add(action);
			}
		}
		return allowed;
	}

	static TaskActor actor() {
		var user = TaskIssuing.currentUser();
		return new TaskActor(user.getUsername(), user.displayName(), user.role(), user.regionCode());
	}

	@Transactional
	public void acknowledge(long id, @Nullable Long version) {
		var instance = load(id, version);
		record(instance, instance.acknowledge(actor(), clock.instant()), "签收");
	}

	/** 报送 with its attachments; a refused file refuses the report. */
	@Transactional
	public void report(long id, @Valid ReportForm form, List<Upload> attachments) {
		var problems = new FieldProblems();
		for (var upload : attachments) {
			files.check(REPORT_FILES, upload).ifPresent(refusal -> problems.reject("files", "task.file." + refusal.name()));
		}
		var label = cleanOrNull(form.figureLabel());
		Integer value = FormText.wholeNumber(form.figureValue());
		if ((label == null) != (value == null)) {
			problems.reject(label == null ? "figureLabel" : "figureValue", "task.error.figurePair");
		}
		problems.throwIfAny();
		var instance = load(id, form.version());
		var event = instance.report(actor(), Objects.requireNonNull(cleanOrNull(form.text())), label,
				value == null ? null : value.longValue(), today());
		record(instance, event, "报送");
		for (var upload : attachments) {
			files.store(REPORT_FILES, id, instance.getRegionCode(), upload);
		}
	}

	/** 退回 with the reason the recipient reads. */
	@Transactional
	public void returnToRecipient(long id, @Valid ReasonForm form) {
		var reason = cleanOrNull(form.reason());
		if (reason == null) {
			new FieldProblems().reject("reason", "task.error.reasonRequired").throwIfAny();
		}
		var instance = load(id, form.version());
		record(instance, instance.returnToRecipient(actor(), reason), "退回：" + reason);
	}

	@Transactional
	public void accept(long id, @Valid ReasonForm form) {
		var instance = load(id, form.version());
		record(instance, instance.accept(actor(), cleanOrNull(form.reason()), today()), "办结");
	}

	@Transactional
	public void requestExtension(long id, @Valid ExtensionForm form) {
		var reason = cleanOrNull(form.reason());
		var wanted = date(form.dueOn());
		if (reason == null) {
			new FieldProblems().reject("reason", "task.error.reasonRequired").throwIfAny();
		}
		var instance = load(id, form.version());
		record(instance, instance.requestExtension(actor(), reason, wanted), "申请延期至 " + wanted);
	}

	@Transactional
	public void grantExtension(long id, @Valid ExtensionForm form) {
		var newDue = date(form.dueOn());
		var instance = load(id, form.version());
		record(instance, instance.grantExtension(actor(), newDue, cleanOrNull(form.reason())), "同意延期至 " + newDue);
	}

	@Transactional
	public void refuseExtension(long id, @Valid ReasonForm form) {
		var reason = cleanOrNull(form.reason());
		if (reason == null) {
			new FieldProblems().reject("reason", "task.error.reasonRequired").throwIfAny();
		}
		var instance = load(id, form.version());
		record(instance, instance.refuseExtension(actor(), reason), "不同意延期：" + reason);
	}

	private TaskInstance load(long id, @Nullable Long version) {
		var instance = scope.check(instances.findById(id), ENTITY, id);
		StaleEdits.requireVersion(instance.getVersion(), StaleEdits.versionOf(version), ENTITY, id);
		return instance;
	}

	private void record(TaskInstance instance, TaskEvent event, String summary) {
		events.save(event);
		audit.record(AuditAction.UPDATE, ENTITY, instance.getId(), instance.getRecipientName() + " " + instance.getPeriod() + " " + summary);
	}

	private LocalDate today() {
		return ChinaTime.today(clock);
	}

	private static LocalDate date(@Nullable String text) {
		var date = FormText.date(text);
		if (date == null) {
			new FieldProblems().reject("dueOn", "validation.date").throwIfAny();
		}
		return Objects.requireNonNull(date);
	}

	private static @Nullable String cleanOrNull(@Nullable String text) {
		var clean = FormText.clean(text);
		return clean == null || clean.isBlank() ? null : clean.strip();
	}

}
