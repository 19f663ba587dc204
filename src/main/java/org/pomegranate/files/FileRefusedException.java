package org.pomegranate.files;

import java.util.stream.Collectors;

import org.pomegranate.shared.BusinessRuleException;

/**
 * A file the store refused while streaming it in: too big for its owner, or of a type the owner
 * does not take. Nothing of it is kept (the transaction rolls the chunks written so far back).
 */
public class FileRefusedException extends BusinessRuleException {

	private final FileRefusal refusal;

	FileRefusedException(FileRefusal refusal, Object argument) {
		super(switch (refusal) {
			case EMPTY -> "file.error.empty";
			case TOO_BIG -> "file.error.tooBig";
			case WRONG_TYPE -> "file.error.type";
		}, argument);
		this.refusal = refusal;
	}

	public static FileRefusedException of(FileRefusal refusal, FileOwner owner) {
		return new FileRefusedException(refusal, refusal == FileRefusal.TOO_BIG ? owner.fileKind().maxMegabytes()
				: owner.accepts().stream().sorted().map(FileType::label).collect(Collectors.joining("/")));
	}

	public FileRefusal refusal() {
		return refusal;
	}

}
