package org.pomegranate.report.monthly;

import java.util.Set;

import org.pomegranate.files.FileKind;
import org.pomegranate.files.FileOwner;
import org.pomegranate.files.FileType;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.RegionScope;
import org.springframework.stereotype.Component;

/**
 * A frozen report owns its .xlsx and .docx in the file store; admins who may see the report may
 * download them. The database keeps them as frozen as the report (R__monthly_report_files.sql).
 */
@Component
public class ReportFiles implements FileOwner {

	static final String KIND = "monthly-report";

	private final MonthlyReportRepository reports;

	private final RegionScope scope;

	ReportFiles(MonthlyReportRepository reports, RegionScope scope) {
		this.reports = reports;
		this.scope = scope;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public FileKind fileKind() {
		return FileKind.DOCUMENT;
	}

	@Override
	public Set<FileType> accepts() {
		return Set.of(FileType.XLSX, FileType.DOCX);
	}

	/** Reports are the admins': anyone else is told a report file does not exist, as for a missing id. */
	@Override
	public boolean maySee(long ownerId) {
		return CurrentRoles.anyOf("ADMIN")
				&& reports.findById(ownerId).filter(report -> scope.contains(report.getRegionCode())).isPresent();
	}

}
