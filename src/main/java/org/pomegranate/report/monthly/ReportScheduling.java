package org.pomegranate.report.monthly;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduled jobs (the drafts of the 1st). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ReportScheduling {
}
