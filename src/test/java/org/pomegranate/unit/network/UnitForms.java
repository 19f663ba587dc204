package org.pomegranate.unit.network;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.SubmissionTokens;

/** Unit forms for tests, built by name: {@code UnitForms.unit("甲", WORK_CENTRE, TOWNSHIP).parent(7).form()}. */
final class UnitForms {

	private String name;

	private UnitKind kind;

	private String regionCode;

	private @Nullable Long parentId;

	private String creditCode = "";

	private String phone = "";

	private String foundedOn = "2020-01-01";

	private long version;

	private UUID submission = SubmissionTokens.fresh();

	private UnitForms(String name, UnitKind kind, String regionCode) {
		this.name = name;
		this.kind = kind;
		this.regionCode = regionCode;
	}

	static UnitForms unit(String name, UnitKind kind, String regionCode) {
		return new UnitForms(name, kind, regionCode);
	}

	UnitForms parent(@Nullable Long parentId) {
		this.parentId = parentId;
		return this;
	}

	UnitForms creditCode(String code) {
		this.creditCode = code;
		return this;
	}

	UnitForms phone(String phone) {
		this.phone = phone;
		return this;
	}

	UnitForms version(long version) {
		this.version = version;
		return this;
	}

	UnitForm form() {
		return new UnitForm(name, kind, regionCode, parentId, creditCode, "测试路 1 号", "测试负责人", phone, foundedOn,
				version, submission);
	}

}
