package org.pomegranate.supervision.task;

import java.util.List;

import org.pomegranate.files.FileKind;
import org.pomegranate.files.FileOwner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The task records that own files: a plan its documents (实施方案 as PDF or Word), an instance its
 * report's attachments. A file answers exactly as its record: outside the scope, as missing.
 */
@Configuration(proxyBeanMethods = false)
class TaskFileOwners {

	@Bean
	FileOwner taskPlanFiles(TaskReading reading) {
		return new FileOwner() {

			@Override
			public String kind() {
				return TaskIssuing.PLAN_FILES;
			}

			@Override
			public FileKind fileKind() {
				return FileKind.DOCUMENT;
			}

			@Override
			public List<String> uploadPaths() {
				return List.of("/plans");
			}

			@Override
			public boolean maySee(long ownerId) {
				return reading.maySeePlan(ownerId);
			}

		};
	}

	@Bean
	FileOwner taskReportFiles(TaskReading reading) {
		return new FileOwner() {

			@Override
			public String kind() {
				return TaskSteps.REPORT_FILES;
			}

			@Override
			public FileKind fileKind() {
				return FileKind.DOCUMENT;
			}

			@Override
			public List<String> uploadPaths() {
				return List.of("/tasks/{id}/report");
			}

			@Override
			public boolean maySee(long ownerId) {
				return reading.maySeeInstance(ownerId);
			}

		};
	}

}
